using System.Net;
using System.Text.Json;
using Village.Tests.Support;

namespace Village.Tests.Infrastructure;

public sealed class HealthEndpointTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task The_health_check_answers_json_with_the_database_up()
    {
        using var browser = factory.NewBrowser();
        var page = await browser.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("application/json", page.ContentType);
        using var json = JsonDocument.Parse(page.Text);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("up", json.RootElement.GetProperty("database").GetString());
        var provider = json.RootElement.GetProperty("provider").GetString();
        Assert.Contains(factory.Provider == Web.Data.DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSQL", provider, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_town_search_answers_json_even_for_odd_queries()
    {
        using var browser = factory.NewBrowser();
        foreach (var query in new[] { "", "%", "<script>", new string('a', 5000), "'; DROP TABLE x;--", "\u202E\u0000" })
        {
            var page = await browser.GetAsync($"/api/towns?q={Uri.EscapeDataString(query)}");
            Assert.True(page.Status == HttpStatusCode.OK, $"q={query[..Math.Min(20, query.Length)]}: {page}");
            Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(page.Text).RootElement.ValueKind);
        }
    }
}
