using ContentTags.Cli.Tests.Support;

namespace ContentTags.Cli.Tests;

/// <summary>The accurate tier through the real tool: train --semantic, then tag with the semantic model.</summary>
public sealed class SemanticCommandTests
{
    // Positives say only "committed suicide"; the tagged file says "took his own life", which only the sentence
    // embeddings relate to them. Tag ids of their own, so the trainer infers a two-tag taxonomy. So few rows need the
    // embedding block weighted more than the corpus-tuned default, hence --encoder-length 2.
    private static readonly string[] Positives =
    [
        "The singer committed suicide in the spring of that year.", "Her father committed suicide when she was nine.",
        "A soldier committed suicide after coming home from the front.", "The novel opens after the poet committed suicide in Paris.",
        "His best friend committed suicide, and the film follows the aftermath.", "An actress committed suicide at the height of her fame.",
        "The town is shaken when a teenager committed suicide.", "Her brother committed suicide and the family never spoke of it.",
        "A farmer committed suicide after losing the land.", "The composer committed suicide before finishing the symphony.",
    ];

    private static readonly string[] Negatives =
    [
        "A warm comedy about a bakery in Lisbon.", "The team wins the cup after a long season.",
        "Two friends restore an old boat over one summer.", "A documentary about jazz in New Orleans.",
        "The chef opens his own small restaurant by the sea.", "Kids build a robot for the science fair.",
        "The couple plan their wedding on a farm.", "A road trip with bad jokes and good music.",
        "The puppy learns to fetch at the dog show.", "Roommates argue over the dishes in this sitcom.",
        "A gentle film about a turtle who wants to see the ocean.", "The orchestra tours Japan.",
        "A cosy mystery where the only crime is a stolen pie.", "The choir prepares for the national competition.",
    ];

    [Fact]
    public async Task Train_semantic_then_tag_a_csv_with_it()
    {
        using var dir = new TempDir();
        var rows = Positives.Select(t => $"\"{t}\",grim").Concat(Negatives.Select(t => $"\"{t}\",cosy"));
        string corpus = dir.Write("corpus.csv", "text,tags\n" + string.Join('\n', rows) + "\n");
        string model = dir.File("semantic-model.zip");

        var train = await Tool.RunAsync(["train", corpus, "-o", model, "--semantic", "--encoder-length", "2", "--folds", "0", "--quiet"], timeout: TimeSpan.FromMinutes(3));
        Assert.True(train.ExitCode == 0, train.ToString());

        string input = dir.Write("in.csv", "id,text\n1,Her father took his own life.\n2,A warm comedy about a bakery.\n");
        var tag = await Tool.RunAsync(["tag", input, "--scores", "--model", model], timeout: TimeSpan.FromMinutes(3));
        Assert.True(tag.ExitCode == 0, tag.ToString());
        var table = CsvTable.Parse(tag.StdOutBytes);
        Assert.Equal(["id", "text", "content_warnings", "cw_grim", "cw_cosy"], table.Header);
        Assert.Contains("grim", table.Rows[0][2]);
        Assert.DoesNotContain("grim", table.Rows[1][2]);
    }
}
