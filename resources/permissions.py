"""Who may do what in the resource library."""


def can_preview_resources(user) -> bool:
    """Staff who may see resources in admin may also see drafts as members would."""
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("resources.view_resource")
    )


def can_vote(user) -> bool:
    """Members (signed in) answer "Was this helpful?"; visitors are asked to sign in."""
    return user.is_authenticated
