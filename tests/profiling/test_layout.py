"""Column detection on synthetic text boxes (PDF points, y up)."""

from app.profiling.extract.layout import reading_regions


def rows(x0, x1, top, n, step=14, height=10):
    return [(x0, top - i * step - height, x1, top - i * step) for i in range(n)]


def test_single_column_is_one_flow():
    assert reading_regions(rows(40, 550, 800, 40)) is None


def test_right_aligned_dates_do_not_make_columns():
    lines = rows(40, 550, 800, 30)  # full-width bullets
    dates = rows(470, 550, 800, 5, step=84)
    titles = rows(40, 250, 800, 5, step=84)
    assert reading_regions(lines + dates + titles) is None


def test_sidebar_and_main_are_read_one_after_the_other():
    header = [(40, 790, 400, 810)]
    sidebar = rows(30, 160, 770, 20)
    main = rows(210, 560, 770, 30)
    regions = reading_regions(header + sidebar + main)
    assert regions is not None and len(regions) == 3
    head, left, right = regions
    assert head[3] >= 810 and left[2] < 210 and right[0] >= 160
    assert left[3] >= 770 and right[3] >= 770  # both columns start at the top


def test_full_width_band_in_the_middle_splits_the_columns():
    top_left, top_right = rows(30, 160, 770, 10), rows(210, 560, 770, 10)
    band = [(30, 600, 560, 612)]
    bottom_left, bottom_right = rows(30, 160, 580, 10), rows(210, 560, 580, 10)
    regions = reading_regions(top_left + top_right + band + bottom_left + bottom_right)
    assert regions is not None
    tops = [r[3] for r in regions]
    assert tops == sorted(tops, reverse=True) or tops[0] >= tops[-1]
    assert any(r[1] <= 600 and r[3] >= 612 and r[2] - r[0] > 400 for r in regions)


def test_sparse_contact_sidebar_is_still_a_column():
    sidebar = rows(30, 150, 770, 5)  # five short contact lines, a small share of the text
    main = rows(210, 560, 770, 40)
    regions = reading_regions(sidebar + main)
    assert regions is not None and len(regions) == 2
    assert regions[0][2] < 210 <= regions[1][0] + 50


def test_left_date_column_is_not_a_sidebar():
    dates = rows(30, 110, 800, 6, step=84)  # one date per job, several lines apart
    body = rows(140, 560, 800, 36)
    assert reading_regions(dates + body) is None


def test_name_running_over_the_gutter_above_the_columns_does_not_close_it():
    name = [(47, 779, 209, 796)]  # a large name that ends inside the gutter, above both columns
    sidebar = rows(37, 160, 740, 14)
    main = rows(213, 552, 740, 30)
    regions = reading_regions(name + sidebar + main)
    assert regions is not None
    assert any(r[2] < 213 and r[1] < 700 for r in regions)  # a left column region
    assert any(r[0] >= 160 and r[1] < 400 for r in regions)  # a right column region
