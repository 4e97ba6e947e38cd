namespace ContentTags.Cli.Commands;

/// <summary>Runs a command body and maps failures to the tool's exit codes and one clear line on stderr.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            // System.CommandLine listens for Ctrl-C only once the action has returned its task, so return it at once
            // rather than after the synchronous start (loading a model) has run.
            await Task.Yield();
            return await body(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliConsole.Fail(ExitCodes.Cancelled, "cancelled; no output was written under the final name");
        }
        catch (ContentTagsDataException e)
        {
            return CliConsole.Fail(ExitCodes.BadInput, e.Message);
        }
        catch (ModelFormatException e)
        {
            return CliConsole.Fail(ExitCodes.BadInput, e.Message);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return CliConsole.Fail(ExitCodes.BadInput, e.Message);
        }
        catch (ArgumentException e)
        {
            return CliConsole.Fail(ExitCodes.Usage, e.Message);
        }
    }

    public static ContentTagger LoadTagger(string? modelPath, ContentTaggerOptions? options = null) =>
        modelPath is null
            ? (options is null ? ContentTagger.Default : new ContentTagger(ContentTagger.Default.Model, options))
            : ContentTagger.Load(modelPath, options);
}
