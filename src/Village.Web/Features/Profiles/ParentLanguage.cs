namespace Village.Web.Features.Profiles;

/// <summary>A language a parent speaks, as an ISO 639 code from <see cref="Languages"/>.</summary>
public sealed class ParentLanguage
{
    public Guid ParentId { get; set; }

    public string Code { get; set; } = "";
}
