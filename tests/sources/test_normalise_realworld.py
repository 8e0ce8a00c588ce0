"""Normalisation on text as real postings write it: pay next to bonuses, negated remote
statements, trade names that contain "remote" or "hybrid", tables and Markdown."""

import pytest

from app.sources.employment_type import employment_type
from app.sources.normalize import make_posting
from app.sources.salary import Salary
from app.sources.salary_fields import salary_from_fields, salary_from_value
from app.sources.salary_text import parse_salary_text
from app.sources.text import html_to_text, markdown_to_text
from app.sources.work_arrangement import remote_from_text


class TestSalaryAmongOtherMoney:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "$7,500 Sign-On Bonus for experienced nurses! Pay: $41.25 - $58.00 an hour.",
                Salary(41.25, 58, "USD", "hour"),
            ),
            (
                "We offer a $3,000 relocation bonus. Salary $82,000 - $96,000 per year.",
                Salary(82000, 96000, "USD", "year"),
            ),
            (
                "A $750 referral bonus is paid after 90 days. Pay is $18/hr.",
                Salary(18, 18, "USD", "hour"),
            ),
            ("Sign-on bonus of $4,000. Hourly rate: £19.75", Salary(19.75, 19.75, "GBP", "hour")),
            (
                "$2,000 annual tuition reimbursement and a £500 learning budget. "
                "Base salary £41,000 - £47,000.",
                Salary(41000, 47000, "GBP", "year"),
            ),
            (
                "Base $58,000 - $70,000 plus commission (OTE $105,000).",
                Salary(58000, 70000, "USD", "year"),
            ),
            (
                "$112,000 - $138,000 + $4,000 sign-on bonus",
                Salary(112000, 138000, "USD", "year"),
            ),
            ("£36,500 - £41,000 + 8% bonus", Salary(36500, 41000, "GBP", "year")),
            ("Salary $76,000 401(k) with 5% match", Salary(76000, 76000, "USD", "year")),
        ],
    )
    def test_pay_wins_over_bonuses(self, text, expected):
        assert parse_salary_text(text) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "$6,000 sign on bonus for all new hires!",
            "Eligible for a $1,200 annual wellness stipend.",
            "We donate $250 to a charity of your choice.",  # a lone amount, nothing says pay
        ],
    )
    def test_money_that_is_not_pay(self, text):
        assert parse_salary_text(text) is None

    def test_a_bonus_in_the_description_does_not_hide_the_salary_field(self):
        p = make_posting(
            source="file:x.json",
            external_id=1,
            title="ICU Nurse",
            salary_text="$44.00 - $61.00 an hour",
            description="<p><b>$15,000 Sign-On Bonus!</b></p><p>Nights, 3x12.</p>",
        )
        assert (p.salary_min, p.salary_max, p.salary_interval) == (44, 61, "hour")


class TestSalaryDetails:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Up to $95K + stock options", Salary(None, 95000, "USD", "year")),
            ("From £27,500 per annum", Salary(27500, None, "GBP", "year")),
            ("Starting at $21/hr", Salary(21, None, "USD", "hour")),
            ("$140k+", Salary(140000, None, "USD", "year")),
            ("CHF 92'000 - 118'000 pro Jahr", Salary(92000, 118000, "CHF", "year")),
            ("CHF 104'000 – 126'000", Salary(104000, 126000, "CHF", "year")),
            ("₹9,50,000 - ₹14,00,000 per annum", Salary(950000, 1400000, "INR", "year")),
            ("$1,500 sign-on bonus", None),
        ],
    )
    def test_salary_field(self, text, expected):
        assert parse_salary_text(text, field=True) == expected

    def test_number_and_object_salaries_from_files(self):
        assert salary_from_value(61000, currency="USD") == Salary(61000, 61000, "USD", "year")
        assert salary_from_value({"min": 48000, "max": 57000, "currency": "EUR"}) == Salary(
            48000, 57000, "EUR", "year"
        )
        assert salary_from_value(
            {"currency": "GBP", "value": {"minValue": 14, "maxValue": 16, "unitText": "HOUR"}}
        ) == Salary(14, 16, "GBP", "hour")
        # The currency column alone does not make "25 days holiday" an hourly rate.
        assert salary_from_value("Competitive + 25 days holiday", currency="GBP") is None

    def test_amount_fields_written_as_text_and_absurd_values(self):
        assert salary_from_fields("$52,000", "$61,500", None, None) == Salary(
            52000, 61500, "USD", "year"
        )
        assert salary_from_fields("45k", "58k", "£", "yearly") == Salary(
            45000, 58000, "GBP", "year"
        )
        assert salary_from_fields(1e300, None, "USD", "yearly") is None
        assert salary_from_fields(float("inf"), 80000, "USD", None) == Salary(
            None, 80000, "USD", "year"
        )


class TestWorkplaceMode:
    @pytest.mark.parametrize(
        "description",
        [
            "Not a remote position; you will visit clients at home.",
            "Please note this is not a remote role.",
            "This position is not eligible for remote work.",
            "Working from home is not an option for this role.",
            "We make collaboration software for remote work.",
            "Our platform helps companies manage remote teams.",
        ],
    )
    def test_negated_or_unrelated_remote_words_are_not_remote(self, description):
        assert remote_from_text(location="Leeds", title="Nurse", description=description) != (
            "remote"
        )

    def test_on_site_statement_wins_over_a_remote_mention(self):
        text = "This is an on-site role at our Dayton plant. Remote work is not possible."
        assert remote_from_text(location=None, title="Machinist", description=text) == "onsite"
        text = "Our product lets people work from home. The job is based on-site in Leeds."
        assert remote_from_text(location=None, title="Engineer", description=text) == "onsite"
        # An occasional visit does not make a remote job on-site.
        text = "Fully remote, with occasional travel to work on-site with customers."
        assert remote_from_text(location=None, title="Consultant", description=text) == "remote"

    @pytest.mark.parametrize(
        ("title", "expected"),
        [
            ("Remote Sensing Scientist", None),
            ("Hybrid Powertrain Technician", None),
            ("GIS Analyst - Remote Sensing", None),
            ("Remote Patient Monitoring RN", None),
            ("Hybrid Cloud Architect", None),
            ("Remote Software Engineer", "remote"),
            ("Hybrid Office Manager", "hybrid"),
            ("Claims Adjuster - Work From Home", "remote"),
            ("Backend Developer (Remote, EU)", "remote"),
            ("Marketing Manager | Hybrid", "hybrid"),
            ("Payroll Specialist – Remote US", "remote"),
        ],
    )
    def test_title_counts_only_when_the_word_is_the_arrangement(self, title, expected):
        assert remote_from_text(location=None, title=title, description=None) == expected

    @pytest.mark.parametrize(
        ("location", "expected"),
        [
            ("Bristol (2 days in office)", "hybrid"),
            ("Denver, CO - 3 days a week on-site", "hybrid"),
            ("Remote (Canada)", "remote"),
            ("Lyon - Télétravail partiel", "hybrid"),
        ],
    )
    def test_location(self, location, expected):
        assert remote_from_text(location=location, title="x", description=None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("PRN", "temporary"), ("Per Diem", "temporary"), ("Internal Medicine", None)],
)
def test_as_needed_employment(value, expected):
    assert employment_type(value) == expected


def test_html_table_cells_stay_apart():
    html = "<table><tr><th>Shift</th><td>Days</td></tr><tr><th>Salary</th><td>£26,500</td></tr>"
    assert html_to_text(html + "</table>") == "Shift | Days\n\nSalary | £26,500"
    p = make_posting(source="x", external_id=1, title="Receptionist", description_html=html)
    assert (p.salary_min, p.salary_currency, p.salary_interval) == (26500, "GBP", "year")


def test_jobspy_markdown_becomes_text():
    md = (
        "## What you'll do\n\n* Build APIs in Go \\& Python\n* Own services end\\-to\\-end\n\n"
        "*Equal opportunity employer.* Apply [on our site](https://careers.example.org/42) "
        "or mail [talent@example.org](mailto:talent@example.org). __Deadline__: soon; "
        "keep my_snake_case and 5\\* ratings."
    )
    assert markdown_to_text(md) == (
        "What you'll do\n\n- Build APIs in Go & Python\n- Own services end-to-end\n\n"
        "Equal opportunity employer. Apply on our site (https://careers.example.org/42) "
        "or mail talent@example.org. Deadline: soon; keep my_snake_case and 5* ratings."
    )
