namespace ContentTags.Tests.Embeddings;

public sealed class WordPieceTokenizerTests
{
    private static readonly WordPieceTokenizer Small = new(
    [
        "un", "##aff", "##able", "run", "##ning", "the", "cafe", ",", "!", "'", "s", "a", "##b", "京", "naive", "ab", "##c", "x",
    ]);

    private static List<string> Tokens(string text) => TokenCollector.Tokenize(Small, text);

    [Theory]
    [InlineData("unaffable", "un ##aff ##able")]
    [InlineData("UnAffable running", "un ##aff ##able run ##ning")]
    [InlineData("the café, naïve!", "the cafe , naive !")]
    [InlineData("THE\tCAFÉ\r\nthe", "the cafe the")]
    [InlineData("the's", "the ' s")]
    [InlineData("東京", "京")]
    [InlineData("abc", "ab ##c")]
    [InlineData("cafe\u0301", "cafe")] // a combining accent is dropped
    [InlineData("😀the", "the")] // an unknown character before a word is skipped; the rest is a word start
    [InlineData("the😀", "the")] // and after it
    [InlineData("a\0b", "ab")] // NUL is dropped as BERT does, joining its neighbours
    [InlineData("", "")]
    [InlineData("   \n\t ", "")]
    public void Tokenizes_like_bert_basic_plus_greedy_wordpiece(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', Tokens(text)));
    }

    [Fact]
    public void Format_characters_join_their_neighbours()
    {
        // Soft hyphen and zero-width space are Cf, dropped like BERT's _clean_text does: "run\u00ADning" is "running".
        Assert.Equal(["run", "##ning"], Tokens("run\u00ADning"));
        Assert.Equal(["run", "##ning"], Tokens("run\u200Bning"));
    }

    [Fact]
    public void Words_longer_than_the_limit_give_no_token()
    {
        string word = new('x', WordPieceTokenizer.MaxWordLength);
        Assert.Equal(["x"], Tokens(word)); // "x", then no "##x" in the vocabulary: the rest is skipped
        Assert.Empty(Tokens(word + "x"));
        Assert.Equal(["the"], Tokens(word + "x the"));
    }

    [Fact]
    public void Rejects_empty_and_repeated_entries()
    {
        Assert.Throws<ArgumentException>(() => new WordPieceTokenizer(["a", "a"]));
        Assert.Throws<ArgumentException>(() => new WordPieceTokenizer(["a", ""]));
        Assert.Throws<ArgumentException>(() => new WordPieceTokenizer(["##"]));
    }

    [Fact]
    public void Every_code_unit_is_handled()
    {
        var chars = new char[65536];
        for (int i = 0; i < chars.Length; i++)
            chars[i] = (char)i;
        var collector = new TokenCollector(Small);
        Small.Tokenize(chars, ref collector);
        Assert.NotNull(collector.Tokens);
    }
}
