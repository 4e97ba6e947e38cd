using System.Diagnostics;
using System.Globalization;

namespace ContentTags.Benchmarks;

/// <summary>
/// <c>--memory</c>: a plain console run (no BenchmarkDotNet) that measures what a benchmark cannot: the cold load of the
/// first model in a fresh process, the resident managed memory of a loaded model and tagger (GC.GetTotalMemory after a
/// full collection, before and after), what a huge text leaves behind in the per-thread scratch buffers, and the peak
/// memory of the CSV path on growing files.
/// </summary>
internal static class MemoryReport
{
    public static int Run(IReadOnlyList<int> csvSizes)
    {
        var inv = CultureInfo.InvariantCulture;
        string path = BenchmarkModel.ModelPath(); // trains first when there is no model yet, before anything is measured
        Console.WriteLine($"Model: {BenchmarkModel.Description}");
        Console.WriteLine($"Model file: {path}, {new FileInfo(path).Length / 1e6:0.00} MB");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine();

        long heap0 = Heap();
        long ws0 = WorkingSet();
        var clock = Stopwatch.StartNew();
        var model = ContentTagModel.Load(path);
        double coldLoadMs = clock.Elapsed.TotalMilliseconds;
        long heap1 = Heap();
        long ws1 = WorkingSet();
        Console.WriteLine($"Cold load (first ContentTagModel.Load in a fresh process, JIT included): {coldLoadMs:0} ms");
        Console.WriteLine($"  managed heap +{Mb(heap1 - heap0)} MB, working set +{Mb(ws1 - ws0)} MB");
        Console.WriteLine($"  of which the fast scorer's weights: {Mb((long)model.Scorer.Dimension * model.Scorer.Stride * sizeof(float))} MB " +
                          $"({model.Scorer.Dimension:N0} features x {model.Scorer.Stride} floats, {model.Scorer.TagCount} tags padded to the SIMD width)");

        clock.Restart();
        var tagger = new ContentTagger(model, new ContentTaggerOptions { IncludeEvidence = false });
        var first = tagger.Tag(SampleTexts.Medium);
        double firstTagMs = clock.Elapsed.TotalMilliseconds;
        long heap2 = Heap();
        Console.WriteLine($"Tagger + first Tag (text normalizer tables, one thread's scratch buffers): {firstTagMs:0} ms, managed heap +{Mb(heap2 - heap1)} MB; tags [{first}]");

        clock.Restart();
        var second = ContentTagModel.Load(path);
        double warmLoadMs = clock.Elapsed.TotalMilliseconds;
        long heap3 = Heap();
        Console.WriteLine($"Second load of the same file (warm process): {warmLoadMs:0} ms, managed heap +{Mb(heap3 - heap2)} MB per extra loaded model");
        GC.KeepAlive(second);
        second = null;

        // A huge text grows this thread's scratch buffers; they are kept for the thread's life.
        long heap4 = Heap();
        string huge = string.Join("\n\n", Enumerable.Repeat(SampleTexts.Long, 100));
        long before = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        var hugeResult = tagger.Tag(huge);
        double hugeMs = clock.Elapsed.TotalMilliseconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long heap5 = Heap();
        Console.WriteLine($"One {huge.Length / 1e6:0.0}M-char text ({SampleTexts.WordCount(huge):N0} words): {hugeMs:0} ms, allocated {Mb(allocated)} MB during the call, " +
                          $"retained afterwards by this thread's scratch buffers: +{Mb(heap5 - heap4 - (long)huge.Length * 2)} MB; tags [{hugeResult}]");
        Console.WriteLine();

        // The CSV path: total allocation grows with the file, peak memory should not.
        var csv = new CsvContentTagger(tagger);
        Console.WriteLine("CSV path (CsvContentTagger.TagAsync, FileStream -> Stream.Null, tagger without evidence):");
        Console.WriteLine("  size MB | rows      | seconds | MB/s  | allocated MB | peak managed heap MB | peak working set MB");
        foreach (int size in csvSizes)
        {
            string file = CsvFileGenerator.Ensure(size);
            long bytes = new FileInfo(file).Length;
            Heap();
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            long peakHeap = 0, peakWs = 0;
            using var done = new ManualResetEventSlim();
            var sampler = new Thread(() =>
            {
                using var self = Process.GetCurrentProcess();
                while (!done.IsSet)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    self.Refresh();
                    peakWs = Math.Max(peakWs, self.WorkingSet64);
                    done.Wait(2);
                }
            }) { IsBackground = true };
            sampler.Start();
            clock.Restart();
            CsvTaggingSummary summary;
            using (var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
                summary = csv.TagAsync(input, Stream.Null, file).GetAwaiter().GetResult();
            double seconds = clock.Elapsed.TotalSeconds;
            done.Set();
            sampler.Join();
            long total = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Console.WriteLine(string.Format(inv, "  {0,7:0} | {1,9:N0} | {2,7:0.00} | {3,5:0.0} | {4,12:N0} | {5,20:N0} | {6,19:N0}",
                bytes / 1e6, summary.Rows, seconds, bytes / 1e6 / seconds, total / 1e6, peakHeap / 1e6, peakWs / 1e6));
        }
        GC.KeepAlive(model);
        return 0;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long WorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
