using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.ServiceDirectory.Hsds;

/// <summary>The whole published directory as one HSDS 3.0 JSON array of fully nested services (the form an import
/// reads back). Written a batch at a time: only the ids of all services are held, and each batch is flushed to the
/// stream before the next is read.</summary>
public sealed class HsdsExport(VillageDb db, HsdsWriter writer)
{
    public const int BatchSize = 200;

    /// <summary>Writes the array to <paramref name="output"/>, in the API's order (last change, then id); returns
    /// how many services were written.</summary>
    public async Task<int> WriteAsync(Stream output, CancellationToken cancellation)
    {
        var ids = await HsdsWriter.Published(db).OrderBy(s => s.LastModified).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellation);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        var written = 0;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            foreach (var service in await writer.ServicesAsync(batch, full: true, cancellation))
            {
                JsonSerializer.Serialize(json, service, HsdsJson.Options);
                written++;
            }

            await json.FlushAsync(cancellation);
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellation);
        return written;
    }
}
