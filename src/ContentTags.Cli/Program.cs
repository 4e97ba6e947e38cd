using System.CommandLine;
using ContentTags.Cli;
using ContentTags.Cli.Commands;
using ContentTags.Semantic;

// Models trained with sentence embeddings (train --semantic) name their encoder; registering it lets tag, evaluate and
// explain load them. Cheap: the MiniLM model itself loads only when such a model first tags a text.
SemanticContentTags.Register();

var root = new RootCommand("contenttags: tag reviews and synopses with content warnings, train and evaluate models.")
{
    TagCommand.Create(),
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    ExplainCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine("contenttags: " + error.Message);
    Console.Error.WriteLine("Run 'contenttags --help' for usage.");
    return ExitCodes.Usage;
}
// Ctrl-C (SIGINT) and SIGTERM cancel the command's token, so a run stops cleanly: temporary files are removed and
// nothing is left under the final output name. Without an explicit timeout System.CommandLine 2.0 registers no signal
// handler, and the signal kills the process outright. The timeout bounds the wait for the command to finish
// cleaning up; a command still blocked after it (reading a silent pipe) is abandoned with exit code 130 and
// the library removes the temporary file it left.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });
