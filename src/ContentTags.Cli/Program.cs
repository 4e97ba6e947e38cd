using System.CommandLine;
using ContentTags.Cli;
using ContentTags.Cli.Commands;

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
return await parse.InvokeAsync();
