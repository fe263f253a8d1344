using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using QiyangConsole.Data;

namespace QiyangConsole.Tests.Support;

/// <summary>Runs where nginx and PostgreSQL can be run: skipped without them unless CI is set (CI installs both).</summary>
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) && (!File.Exists(Nginx.Path) || PostgresServer.Unavailable is not null))
            Skip = "nginx and PostgreSQL are not installed: apt-get install nginx postgresql (.ci/run installs them)";
    }
}

/// <summary>One console instance as its own process, as `dotnet QiyangConsole.dll` runs it from the build output.</summary>
public sealed class ConsoleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    public string Name { get; }
    public int Port { get; }
    public string Address => $"127.0.0.1:{Port}";
    public string Log { get { lock (_log) return _log.ToString(); } }

    private ConsoleProcess(string name, int port, Process process) => (Name, Port, _process) = (name, port, process);

    /// <summary>The app's build output beside the tests' (same configuration).</summary>
    public static string AppDll
    {
        get
        {
            var tests = AppContext.BaseDirectory; // …/QiyangConsole.Tests/bin/<Configuration>/net10.0/
            var configuration = new DirectoryInfo(tests).Parent!.Name;
            var root = new DirectoryInfo(tests).Parent!.Parent!.Parent!.Parent!.FullName;
            return System.IO.Path.Combine(root, "QiyangConsole", "bin", configuration, "net10.0", "QiyangConsole.dll");
        }
    }

    public static ConsoleProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var dll = AppDll;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(dll))))!, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(info)!;
        var console = new ConsoleProcess(name, port, process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (console._log) console._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (console._log) console._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return console;
    }

    /// <summary>Waits until /healthz answers (migrated and seeded); fails with the instance's output if it died or took too long.</summary>
    public async Task WaitUntilUpAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"instance {Name} exited ({_process.ExitCode}):\n{Log}");
            try
            {
                if ((await http.GetAsync($"http://{Address}/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"instance {Name} did not answer /healthz in {timeout}:\n{Log}");
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug would (no graceful shutdown).</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Debian's nginx in front of the instances, with the site configuration the README documents (its ```nginx block),
/// the upstream addresses and the port put in, inside a minimal main configuration of its own (pid, logs, temp files in
/// a temp folder). The response names the instance that served it (X-Upstream), for the tests.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Path = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _dir;

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    private Nginx(Process process, string dir, int port) => (_process, _dir, Port) = (process, dir, port);

    /// <summary>The README's nginx site configuration, as written there.</summary>
    public static string ReadmeSite()
    {
        var readme = File.ReadAllText(System.IO.Path.Combine(new DirectoryInfo(ConsoleProcess.AppDll).Parent!.Parent!.Parent!.Parent!.Parent!.FullName, "README.md"));
        var match = Regex.Match(readme, "```nginx\n(.*?)```", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("README.md has no ```nginx block");
    }

    public static async Task<Nginx> StartAsync(params ConsoleProcess[] upstreams)
    {
        if (!File.Exists(Path)) throw new InvalidOperationException("CI is set but nginx is not installed (.ci/run installs nginx)");
        var site = ReadmeSite();
        var servers = Regex.Matches(site, @"server 127\.0\.0\.1:\d+").Select(m => m.Value).Distinct().ToList();
        if (servers.Count != upstreams.Length) throw new InvalidOperationException($"the README's upstream names {servers.Count} servers, the test runs {upstreams.Length}");
        for (var i = 0; i < servers.Count; i++) site = site.Replace(servers[i], "server " + upstreams[i].Address);
        var port = ConsoleProcess.FreePort();
        site = Regex.Replace(site, @"listen\s+\d+;", $"listen 127.0.0.1:{port};");
        site = site.Replace("add_header Set-Cookie $qiyang_affinity_cookie;", "add_header Set-Cookie $qiyang_affinity_cookie;\n        add_header X-Upstream $upstream_addr always;");
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qiyang-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // Workers may run as another user (nobody) when the master is root: they write their temp files here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        var conf = System.IO.Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(conf, $$"""
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{dir}}/body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
            {{site}}
            }
            """);
        var info = new ProcessStartInfo(Path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", dir, "-c", conf, "-g", "daemon off;" }) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        var nginx = new Nginx(process, dir, port);
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}\n{conf}:\n{await File.ReadAllTextAsync(conf)}");
            try { await http.GetAsync(nginx.BaseUrl + "/healthz"); return nginx; }
            catch (HttpRequestException) { await Task.Delay(100); }
        }
        throw new TimeoutException("nginx did not start");
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
