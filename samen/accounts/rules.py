import rules


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_active and user.role == "administrator"


for verb in ("view", "add", "change", "delete"):
    rules.add_perm(f"accounts.{verb}_user", is_administrator)
rules.add_perm("accounts", is_administrator)
