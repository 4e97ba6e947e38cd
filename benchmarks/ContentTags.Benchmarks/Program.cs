using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ContentTags.Benchmarks;

// Usage (from the repository root):
//   dotnet run -c Release --project benchmarks/ContentTags.Benchmarks -- --filter '*' --job short   (the short job: ~10 min)
//   dotnet run -c Release --project benchmarks/ContentTags.Benchmarks -- --filter '*' --short       (the same)
//   dotnet run -c Release --project benchmarks/ContentTags.Benchmarks -- --filter '*TagBenchmarks*'   (default job)
//   dotnet run -c Release --project benchmarks/ContentTags.Benchmarks -- --memory [10 50 150]       (load memory, CSV peak memory)
//   dotnet run -c Release --project benchmarks/ContentTags.Benchmarks -- --breakdown                (Tag's cost stage by stage)
// Any other BenchmarkDotNet option works too (--list flat, --iterationCount, --exporters ...).

var arguments = args.ToList();

if (arguments.Remove("--memory"))
{
    var sizes = arguments.Select(a => int.TryParse(a, out int mb) ? mb : 0).Where(mb => mb > 0).ToList();
    return MemoryReport.Run(sizes.Count > 0 ? sizes : [10, 50, 150]);
}

if (arguments.Remove("--breakdown"))
    return Breakdown.Run();

if (arguments.Remove("--short"))
    arguments.AddRange(["--job", "short"]);

bool jobGiven = arguments.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
bool listing = arguments.Any(a => a is "--list" or "--help" or "-h" or "--info" or "--version");

// Make (or find) the model before BenchmarkDotNet starts its child processes, so no benchmark process trains one.
if (!listing)
    Console.WriteLine($"// ContentTags.Benchmarks: model file {BenchmarkModel.ModelPath()}");

var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
    .WithOption(ConfigOptions.JoinSummary, false);

// The default job, unless --job picks another: one launch, fewer iterations than BenchmarkDotNet's (up to 100), so the
// whole suite stays well under an hour on two cores while the error bars stay small.
if (!jobGiven)
    config = config.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithId("Default15").AsDefault());

BenchmarkSwitcher.FromAssembly(typeof(TagBenchmarks).Assembly).Run([.. arguments], config);
return 0;
