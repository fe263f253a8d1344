using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// The console as a user runs it (its own process, the built QiyangConsole.dll, a data folder of its own), killed with
/// SIGKILL in the middle of a stream of sign-ins. Signing in is the console's one write that a plain HTTP form makes
/// (every other write goes over a Blazor circuit): each sign-in posts the real form with its antiforgery token and
/// writes a login-log row (登录日志) before the answer comes back, so an answer is an acknowledged write; each carries
/// its own User-Agent, which the log keeps, so each is found again by name. After every kill: integrity_check is ok
/// and every acknowledged sign-in is in the file; the console starts again on the same folder. Then, beside the running
/// console, the backup command takes a backup, and restore refuses the folder in use but restores into a fresh one.
/// </summary>
public sealed partial class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 3;
    private const string Admin = "admin", Password = "Qiyang#Crash2023";
    private readonly string _data = NewFolder("qiyang-crash-");
    private readonly string _fresh = NewFolder("qiyang-crash-restored-");

    [Fact]
    public async Task Killed_mid_stream_three_times_the_console_loses_no_acknowledged_write_and_backs_up_beside_itself()
    {
        var acknowledged = new List<string>();
        var clock = Stopwatch.StartNew();
        ConsoleProcess? console = null;
        try
        {
            for (var round = 1; round <= Rounds; round++)
            {
                console = await ConsoleProcess.StartAsync(_data);
                output.WriteLine($"round {round}: console up at {console.BaseUrl} after {console.StartedIn.TotalSeconds:0.0} s");
                var (acks, failed) = await WriteThenKillAsync(console, round);
                acknowledged.AddRange(acks);
                output.WriteLine($"round {round}: {acks.Count} sign-ins acknowledged, {failed} cut off by the kill");
                Assert.True(acks.Count >= 12, $"round {round}: only {acks.Count} writes before the kill\n{console.Log}");

                // What the file holds after the kill, as the next one to open it finds it.
                var (check, found) = await ReadAsync(_data);
                Assert.Equal("ok", check);
                var missing = acknowledged.Except(found).ToList();
                Assert.True(missing.Count == 0, $"acknowledged but not in the file: {string.Join(", ", missing)}");
                console.Dispose();
                console = null;
            }

            console = await ConsoleProcess.StartAsync(_data);
            Assert.Equal(HttpStatusCode.Found, await SignInAsync(console.BaseUrl, Admin, "crash-after"));

            // The backup command beside the running console; restore refuses its folder, and restores into a fresh one.
            var backup = Path.Combine(_data, "cli-backup.db");
            var (code, log) = await RunAsync(_data, "backup", backup);
            Assert.True(code == 0, log);
            (code, log) = await RunAsync(_data, "restore", backup);
            Assert.Equal(1, code);
            Assert.Contains("请先停止控制台", log);
            (code, log) = await RunAsync(_fresh, "restore", backup);
            Assert.True(code == 0, log);
            var (restoredCheck, restored) = await ReadAsync(_fresh);
            Assert.Equal("ok", restoredCheck);
            Assert.Empty(acknowledged.Append("crash-after").Except(restored));
            output.WriteLine($"{Rounds} kills and restarts, {acknowledged.Count} acknowledged sign-ins all found; backup and restore beside the running console; {clock.Elapsed.TotalSeconds:0} s");
        }
        finally
        {
            console?.Dispose();
        }
    }

    /// <summary>Four browsers sign in over and over; after a moment the console is killed (SIGKILL) while their requests are in flight.</summary>
    private static async Task<(List<string> Acknowledged, int CutOff)> WriteThenKillAsync(ConsoleProcess console, int round)
    {
        var acknowledged = new ConcurrentQueue<string>();
        var cutOff = 0;
        var killing = 0;
        using var killed = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(k => Task.Run(async () =>
        {
            for (var n = 1; !killed.IsCancellationRequested; n++)
            {
                var marker = $"crash-{round}-{k}-{n}";
                try
                {
                    var status = await SignInAsync(console.BaseUrl, Admin, marker);
                    if (status == HttpStatusCode.Found) acknowledged.Enqueue(marker);
                    else throw new InvalidOperationException($"{marker}: the sign-in was answered {(int)status}\n{console.Log}");
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && Volatile.Read(ref killing) == 1)
                {
                    Interlocked.Increment(ref cutOff);
                    return;
                }
            }
        })).ToList();
        // Killed once the stream runs (a first start warms up slowly), at a moment no request chose.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count < 12 && DateTime.UtcNow < deadline && !writers.Any(w => w.IsFaulted)) await Task.Delay(20);
        await Task.Delay(Random.Shared.Next(300));
        Volatile.Write(ref killing, 1);
        console.Kill();
        killed.Cancel();
        await Task.WhenAll(writers);
        return (acknowledged.ToList(), cutOff);
    }

    /// <summary>The sign-in form, as a browser posts it; the User-Agent is the marker the login log keeps.</summary>
    private static async Task<HttpStatusCode> SignInAsync(string baseUrl, string user, string marker)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(marker);
        var page = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = user, ["Input.Password"] = Password,
        }));
        return response.StatusCode;
    }

    /// <summary>integrity_check and the markers of the login log, read straight from the file (no pool: nothing stays open).</summary>
    private static async Task<(string Check, HashSet<string> Markers)> ReadAsync(string dataDirectory)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "qiyang.db")};Pooling=False;Default Timeout=30");
        await db.OpenAsync();
        await using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        var result = (string)(await check.ExecuteScalarAsync())!;
        await using var markers = db.CreateCommand();
        markers.CommandText = "SELECT UserAgent FROM LoginRecords WHERE UserAgent LIKE 'crash-%';";
        var found = new HashSet<string>();
        await using var reader = await markers.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(reader.GetString(0));
        return (result, found);
    }

    /// <summary>A command of the console (backup, restore) run as its own process on <paramref name="dataDirectory"/>.</summary>
    private static async Task<(int Code, string Log)> RunAsync(string dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["QiyangConsole.dll", .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["QIYANG_DATA_DIR"] = dataDirectory },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string NewFolder(string prefix) => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var dir in new[] { _data, _fresh })
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>`dotnet QiyangConsole.dll` on a loopback port it picks itself, read from its "Now listening on" line.</summary>
    private sealed partial class ConsoleProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        private ConsoleProcess(Process process) => _process = process;

        public string BaseUrl { get; private set; } = "";
        public TimeSpan StartedIn { get; private set; }
        public bool HasExited => _process.HasExited;
        public string Log { get { lock (_log) return _log.ToString(); } }

        public static async Task<ConsoleProcess> StartAsync(string dataDirectory)
        {
            var started = Stopwatch.StartNew();
            var start = new ProcessStartInfo("dotnet", ["QiyangConsole.dll", "--urls", "http://127.0.0.1:0", "--Demo:Enabled=false", $"--Admin:UserName={Admin}", $"--Admin:InitialPassword={Password}"])
            {
                WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
                Environment = { ["QIYANG_DATA_DIR"] = dataDirectory, ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            };
            var console = new ConsoleProcess(Process.Start(start)!);
            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            void Read(string? line)
            {
                if (line is null) return;
                lock (console._log) console._log.AppendLine(line);
                if (ListeningPattern().Match(line) is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
            }
            console._process.OutputDataReceived += (_, e) => Read(e.Data);
            console._process.ErrorDataReceived += (_, e) => Read(e.Data);
            console._process.BeginOutputReadLine();
            console._process.BeginErrorReadLine();
            var exited = console._process.WaitForExitAsync();
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
            if (first != listening.Task)
            {
                console.Dispose();
                throw new InvalidOperationException($"the console did not start:\n{console.Log}");
            }
            console.BaseUrl = (await listening.Task).TrimEnd('/');
            console.StartedIn = started.Elapsed;
            return console;
        }

        /// <summary>SIGKILL: no shutdown, no flush, no chance to finish what is in flight.</summary>
        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited) Kill();
            _process.Dispose();
        }

        [GeneratedRegex(@"Now listening on: (http://\S+)")]
        private static partial Regex ListeningPattern();
    }
}
