import rules


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_active and user.role == "administrator"


@rules.predicate
def is_facilitator(user) -> bool:
    """A neighbourhood facilitator (samen/assisted): enters contributions for residents met in person."""
    return user.is_authenticated and user.is_active and user.role == "facilitator"


# Signed in with an account that is not closed: every app's writes start here.
is_signed_in = rules.is_authenticated & rules.is_active

rules.add_perm("accounts.verify", is_signed_in)
# The municipality's list of residents entitled to sign, and moving a verification between accounts.
rules.add_perm("accounts.upload_census", is_administrator)
rules.add_perm("accounts.decide_transfer", is_administrator)

for model in (
    "user",
    "censuslist",
    "verification",
    "verificationtransfer",
    "verificationletter",
    "verificationattempt",
):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"accounts.{verb}_{model}", is_administrator)
rules.add_perm("accounts", is_administrator)
rules.add_perm("accounts.print_letters", is_administrator)  # the day's verification letters, with their codes
