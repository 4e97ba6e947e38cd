using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentTags.Samples.Tests.Support;

/// <summary>
/// Runs the WebApi sample as a real process on 127.0.0.1 with a port the OS picks (<c>--urls http://127.0.0.1:0</c>),
/// and reads the address back from its "Now listening on" log line. Shared by the API and browser tests.
/// </summary>
public sealed partial class WebApiServer : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    public WebApiServer()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A server with extra environment variables, such as <c>ContentTags__ModelPath</c>.</summary>
    internal WebApiServer(IReadOnlyDictionary<string, string> environment) => _environment = environment;

    public Uri BaseAddress { get; private set; } = null!;

    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task InitializeAsync()
    {
        // The working directory is the project folder, so that wwwroot (the page) is found under the content root.
        var info = SampleApps.StartInfo("WebApi", ["--urls", "http://127.0.0.1:0"]);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in _environment) info.Environment[name] = value;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The WebApi sample exited before it listened:\n" + Log));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.StandardInput.Close();
        BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value + "/"));
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
        _process?.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

[CollectionDefinition(Name)]
public sealed class WebApiCollection : ICollectionFixture<WebApiServer>
{
    public const string Name = "WebApi sample";
}
