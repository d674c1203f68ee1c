using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Village.Tests.Support;

/// <summary>A real SMTP server for the email tests: Debian's aiosmtpd (python3-aiosmtpd, installed by
/// scripts/test.sh), storing what it receives in a maildir.</summary>
public sealed class SmtpServer : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process process;
    private readonly string folder = Directory.CreateTempSubdirectory("village-smtp-").FullName;
    private bool disposed;

    private SmtpServer(int port)
    {
        Port = port;
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(folder, "maildir") })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
    }

    public int Port { get; }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public static async Task<SmtpServer> StartAsync()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: scripts/test.sh installs python3-aiosmtpd.");
        var server = new SmtpServer(FreePort());
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, server.Port);
                return server;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(20) && !server.process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                var errors = server.process.HasExited ? await server.process.StandardError.ReadToEndAsync() : "";
                server.Dispose();
                throw new InvalidOperationException($"aiosmtpd did not listen (is python3-aiosmtpd installed?). {errors}");
            }
        }
    }

    /// <summary>A loopback port nothing listens on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Every message received so far, raw.</summary>
    public IReadOnlyList<string> Received()
    {
        var delivered = Path.Combine(folder, "maildir", "new");
        return Directory.Exists(delivered) ? [.. Directory.GetFiles(delivered).Select(File.ReadAllText)] : [];
    }

    /// <summary>Stops the server; safe to call twice (the test host disposes both ways).</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
