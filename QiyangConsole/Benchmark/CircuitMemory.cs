using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Benchmark;

/// <summary>
/// Memory per connected circuit: Debian's Chromium (headless) opens the overview in N tabs as the
/// signed-in office, half and then the rest; the server's managed heap after a full collection is compared.
/// Chromium is driven over its DevTools protocol (a WebSocket), so the app needs no browser package.
/// </summary>
public static class CircuitMemory
{
    public static async Task<ScenarioResult> RunAsync(BenchContext c)
    {
        const string target = "< 1 MB per circuit";
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium)");
        var cookie = await BenchCommand.SignInAsync(c.BaseUrl, "office", AccountsSeed.DemoPassword);
        var online = c.App.Services.GetRequiredService<OnlineSessions>();
        var profile = Directory.CreateTempSubdirectory("qiyang-bench-chromium-");
        using var browser = Process.Start(new ProcessStartInfo(chromium,
            ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", "about:blank"])
        { RedirectStandardError = true, RedirectStandardOutput = true })!;
        try
        {
            var endpoint = await DevToolsEndpointAsync(browser);
            using var cdp = new ClientWebSocket();
            await cdp.ConnectAsync(new Uri(endpoint), CancellationToken.None);
            var session = new DevTools(cdp);
            var uri = new Uri(c.BaseUrl);
            var cookies = new JsonArray(cookie.Split("; ").Select(pair => pair.Split('=', 2)).Select(kv =>
                (JsonNode)new JsonObject { ["name"] = kv[0], ["value"] = kv[1], ["domain"] = uri.Host, ["path"] = "/" }).ToArray());
            await session.SendAsync("Storage.setCookies", new JsonObject { ["cookies"] = cookies });

            // One tab first, closed again: what the first circuit loads once (caches, JIT) is not per circuit.
            var warm = await session.SendAsync("Target.createTarget", new JsonObject { ["url"] = c.BaseUrl + "/" });
            await WaitForAsync(() => Connected(online) >= 1, "the first circuit");
            await session.SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = warm["targetId"]!.GetValue<string>() });
            await WaitForAsync(() => Connected(online) == 0, "the first circuit to close");

            // Measured as the difference between half the tabs and all of them, so what the first circuits load once
            // (caches filled on first use, the shared figures) is not counted per circuit.
            var tabs = c.Scale.CircuitTabs;
            var half = tabs / 2;
            var before = Heap();
            var opened = Stopwatch.StartNew();
            for (var i = 0; i < half; i++)
                await session.SendAsync("Target.createTarget", new JsonObject { ["url"] = c.BaseUrl + "/" });
            await WaitForAsync(() => Connected(online) >= half, $"{half} circuits");
            await Task.Delay(3000);
            var atHalf = Heap();
            for (var i = half; i < tabs; i++)
                await session.SendAsync("Target.createTarget", new JsonObject { ["url"] = c.BaseUrl + "/" });
            await WaitForAsync(() => Connected(online) >= tabs, $"{tabs} circuits");
            var connectedIn = opened.Elapsed.TotalMilliseconds;
            await Task.Delay(3000);
            var after = Heap();
            var perCircuitMb = (after - atHalf) / 1048576.0 / (tabs - half);
            return new ScenarioResult("circuit-memory", null, null, Math.Round((after - before) / 1048576.0, 1), "server managed heap with half the tabs",
                null, null, target, perCircuitMb < 1, tabs,
                $"{tabs} tabs of / as office: {perCircuitMb * 1024:0} KB per circuit from {half} to {tabs} tabs (heap {before / 1048576.0:0} → {atHalf / 1048576.0:0} → {after / 1048576.0:0} MB; "
                + $"{(atHalf - before) / 1024.0 / Math.Max(half, 1):0} KB each for the first {half}), all connected in {connectedIn / 1000:0.0} s");
        }
        finally
        {
            try { browser.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await browser.WaitForExitAsync();
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static int Connected(OnlineSessions online) => online.All.Count(s => s.Connected);

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"waited 2 minutes for {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Chromium prints "DevTools listening on ws://…" on stderr once it is ready.</summary>
    private static async Task<string> DevToolsEndpointAsync(Process browser)
    {
        var read = Task.Run(async () =>
        {
            while (await browser.StandardError.ReadLineAsync() is { } line)
                if (line.StartsWith("DevTools listening on ", StringComparison.Ordinal)) return line["DevTools listening on ".Length..].Trim();
            throw new InvalidOperationException("Chromium exited before it listened");
        });
        if (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30))) != read) throw new TimeoutException("Chromium did not start in 30 s");
        _ = Task.Run(async () => { while (await browser.StandardError.ReadLineAsync() is not null) { } });
        return await read;
    }

    /// <summary>The few DevTools calls the scenario needs: send a command, wait for its answer (events are skipped).</summary>
    private sealed class DevTools(ClientWebSocket socket)
    {
        private int _id;

        public async Task<JsonNode> SendAsync(string method, JsonObject parameters)
        {
            var id = ++_id;
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            var buffer = new byte[64 * 1024];
            while (true)
            {
                using var text = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    text.Write(buffer, 0, received.Count);
                } while (!received.EndOfMessage);
                var answer = JsonNode.Parse(text.ToArray())!;
                if (answer["id"]?.GetValue<int>() != id) continue;
                if (answer["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
                return answer["result"]!;
            }
        }
    }
}
