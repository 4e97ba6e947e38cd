using ContentTags.Distill;

namespace ContentTags.Tests.Embeddings;

public sealed class DistillerTests
{
    [Fact]
    public void Distilling_twice_gives_the_same_bytes_and_a_readable_table()
    {
        var options = new DistillOptions
        {
            CorpusPath = Path.Combine(EmbeddingTestData.RepoRoot, "data", "corpus.csv"),
            Limit = 200,
            Dimension = 16,
        };

        var first = Distiller.Run(options);
        var second = Distiller.Run(options);

        Assert.Equal(first.File, second.File);
        var table = StaticEmbeddingTable.Load(new MemoryStream(first.File));
        Assert.Equal(200, table.Count);
        Assert.Equal(16, table.Dimension);
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", table.Source);
        Assert.True(first.CorpusTokens > 0);
    }

    [Theory]
    [InlineData("[PAD]", true)]
    [InlineData("[unused12]", true)]
    [InlineData("[CLS]", true)]
    [InlineData("[MASK]", true)]
    [InlineData("the", false)]
    [InlineData("##ing", false)]
    [InlineData("[", false)]
    public void Special_and_unused_entries_are_left_out(string token, bool special)
    {
        Assert.Equal(special, Distiller.IsSpecial(token));
    }
}
