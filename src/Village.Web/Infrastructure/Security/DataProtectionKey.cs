namespace Village.Web.Infrastructure.Security;

/// <summary>A Data Protection key ring entry, stored in the database so every app instance shares the keys.</summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
