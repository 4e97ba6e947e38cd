namespace ContentTags.Tests.Support;

/// <summary>Trains the small-corpus model once for all the tests that share it.</summary>
public sealed class TrainedModelFixture
{
    public TrainedModelFixture()
    {
        Model = new ContentTagTrainer(SmallCorpus.Options()).Train(SmallCorpus.Examples);
        Tagger = new ContentTagger(Model);
    }

    public ContentTagModel Model { get; }

    public ContentTagger Tagger { get; }
}
