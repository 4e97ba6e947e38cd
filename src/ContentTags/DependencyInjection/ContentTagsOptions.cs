namespace ContentTags;

/// <summary>
/// Options for the <see cref="ContentTagger"/> that
/// <see cref="Microsoft.Extensions.DependencyInjection.ContentTagsServiceCollectionExtensions.AddContentTagger"/> registers.
/// Configure them in code or bind them from configuration (for example a <c>ContentTags</c> section).
/// </summary>
public sealed class ContentTagsOptions
{
    /// <summary>
    /// A model file written by <see cref="ContentTagModel.Save(string)"/>, relative to the current directory or absolute.
    /// When <see langword="null"/> or empty (the default), the model embedded in the package is used.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>How the tagger tags: threshold override, evidence, text length limit.</summary>
    public ContentTaggerOptions Tagger { get; set; } = new();
}
