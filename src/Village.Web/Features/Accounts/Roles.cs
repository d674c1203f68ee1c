namespace Village.Web.Features.Accounts;

public static class Roles
{
    public const string Parent = "parent";
    public const string Professional = "professional";
    public const string Moderator = "moderator";
    public const string Administrator = "administrator";

    public static readonly string[] All = [Parent, Professional, Moderator, Administrator];
}
