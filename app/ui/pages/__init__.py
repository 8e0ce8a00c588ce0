"""One module per page of the main window. Pages compose widgets over the domain."""
