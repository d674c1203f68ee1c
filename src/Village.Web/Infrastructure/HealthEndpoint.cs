using Village.Web.Data;

namespace Village.Web.Infrastructure;

public static class HealthEndpoint
{
    /// <summary>GET /healthz: JSON with the database status, 503 when the database cannot be reached.</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", async (VillageDb db, CancellationToken cancellationToken) =>
        {
            bool up;
            try
            {
                up = await db.Database.CanConnectAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                up = false;
            }

            var body = new { status = up ? "healthy" : "unhealthy", database = up ? "up" : "down", provider = db.Database.ProviderName };
            return up ? Results.Json(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
}
