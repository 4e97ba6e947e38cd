using Spectre.Console;

namespace ContentTags.Cli;

/// <summary>Where the tool writes: results to stdout, progress and messages to stderr.</summary>
internal static class CliConsole
{
    public static IAnsiConsole Out { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>Progress is drawn only for a person watching: stderr is a terminal and --quiet was not given.</summary>
    public static bool ShowProgress(bool quiet) => !quiet && !Console.IsErrorRedirected;

    public static int Fail(int code, string message)
    {
        Console.Error.WriteLine("contenttags: " + message);
        return code;
    }
}
