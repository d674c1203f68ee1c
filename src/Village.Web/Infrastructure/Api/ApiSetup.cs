using System.Text.Json.Serialization;
using Village.Web.Features.Messages;
using Village.Web.Features.Posts;
using Village.Web.Features.ServiceDirectory.Hsds;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Infrastructure.Api;

/// <summary>The JSON API under /api and its OpenAPI document at /openapi/v1.json (a copy is committed as
/// docs/openapi.json and compared in the tests, so a change to the API is a visible change to the document).</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Village API";
            document.Info.Description = "Communities' feeds and posts, outings near a point, the town autocomplete, and a parent's conversations "
                + "(read, write, mark read), and the support services directory as open HSDS 3.0 (/api/hsds, no account). Signed-in requests use the site's session cookie; a member reads and writes what "
                + "the pages would let them.";
            // The address the document was fetched from is not part of the API.
            document.Servers = [];
            return Task.CompletedTask;
        }));
        builder.AddHsds();
        return builder;
    }

    public static void MapApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapTowns();
        app.MapPostsApi();
        app.MapMessagesApi();
        app.MapHsdsApi();
    }

    /// <summary>An API caller is answered 401 or 403 in JSON, where a person would be sent to the sign-in page.</summary>
    public static bool IsApiRequest(this HttpRequest request) => request.Path.StartsWithSegments("/api");
}
