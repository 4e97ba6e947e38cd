using ContentTags.Cli.Tests.Support;

namespace ContentTags.Cli.Tests;

/// <summary>Issue 7: one tagger shared by many threads gives exactly what it gives one thread.</summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 8;
    private const int CallsPerThread = 20_000;

    [Fact]
    public void Eight_threads_share_one_tagger() => Reliability.Check("Threads x calls (in-process)",
        $"{Threads} threads x {CallsPerThread:N0} Tag calls on one shared tagger (evidence on), each result equal to the sequential one", () =>
    {
        var tagger = ContentTagger.Load(SmallModel.Path);
        // Short texts keep this fast; empty, white space and hazards are among them.
        var texts = SampleTexts.Corpus.Concat(["", " ", "\0", "😱🔪", "He stabs the guard.\nShe jumps from the roof.", "שלום, مرحبا"]).ToArray();
        var expected = texts.Select(t => Snapshot(tagger.Tag(t))).ToArray();

        long calls = 0;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < CallsPerThread; i++)
            {
                int k = (i * 31 + t * 17) % texts.Length;
                string got = Snapshot(tagger.Tag(texts[k]));
                if (got != expected[k] && errors.Count < 5) errors.Enqueue($"thread {t}, call {i}, text {k}: {got} != {expected[k]}");
                Interlocked.Increment(ref calls);
            }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());

        Assert.Empty(errors);
        Assert.Equal((long)Threads * CallsPerThread, calls);
        return calls;
    });

    [Fact]
    public void TagMany_equals_Tag_one_by_one() => Reliability.Check("Threads x calls (in-process)",
        "texts tagged by TagMany on all cores, each equal to Tag on one thread", () =>
    {
        var tagger = SmallModel.Tagger;
        var texts = Enumerable.Range(0, 5_000).Select(SampleTexts.Row).ToArray();
        var many = tagger.TagMany(texts);
        for (int i = 0; i < texts.Length; i++) Assert.Equal(Snapshot(tagger.Tag(texts[i])), Snapshot(many[i]));
        return texts.Length;
    });

    /// <summary>Everything a result says, exactly (probabilities as their bits).</summary>
    private static string Snapshot(ContentTagResult r) =>
        string.Join(';', r.Tags) + "|" + string.Join(',', r.Scores.Select(s => BitConverter.SingleToInt32Bits(s.Probability))) + "|" +
        string.Join(',', r.Evidence.Select(e => $"{e.TagId}@{e.Start}+{e.Length}:{string.Join(' ', e.Words)}"));
}
