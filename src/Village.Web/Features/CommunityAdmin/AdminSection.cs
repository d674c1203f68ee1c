namespace Village.Web.Features.CommunityAdmin;

/// <summary>The admin console's pages, for its own navigation.</summary>
public enum AdminSection
{
    Today,
    Settings,
    Members,
    Templates,
}

public sealed record AdminNav(string Slug, AdminSection Current);
