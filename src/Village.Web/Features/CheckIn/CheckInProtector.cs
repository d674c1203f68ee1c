using Microsoft.AspNetCore.DataProtection;
using Village.Web.Infrastructure.Security;

namespace Village.Web.Features.CheckIn;

/// <summary>Protects saved check-in answers (health data), so that the database alone does not reveal them.</summary>
public sealed class CheckInProtector(IDataProtectionProvider protection) : ProtectedTexts(protection, "Village.CheckIn.Answers.v1");
