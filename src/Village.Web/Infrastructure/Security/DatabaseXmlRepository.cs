using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Village.Web.Data;

namespace Village.Web.Infrastructure.Security;

/// <summary>Keeps the Data Protection keys in the database (the EF package for this is not on our mirror).</summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        return db.DataProtectionKeys.AsEnumerable().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            Id = Guid.CreateVersion7(),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
