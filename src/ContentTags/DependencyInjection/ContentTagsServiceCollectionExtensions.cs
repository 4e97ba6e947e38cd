using ContentTags;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ContentTags services with a dependency-injection container.</summary>
public static class ContentTagsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ContentTagger"/> as a singleton, configured through <see cref="IOptions{TOptions}"/> of
    /// <see cref="ContentTagsOptions"/>. The model is loaded on first resolve: from <see cref="ContentTagsOptions.ModelPath"/>
    /// when set, otherwise the model embedded in the package. Calling this more than once adds the configuration
    /// actions but registers the tagger only once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; may be <see langword="null"/> to use the defaults or options configured elsewhere.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <remarks>
    /// Resolving the tagger throws <see cref="FileNotFoundException"/> when <see cref="ContentTagsOptions.ModelPath"/>
    /// names no file, and <see cref="ModelFormatException"/> when the file is not a usable model.
    /// </remarks>
    public static IServiceCollection AddContentTagger(this IServiceCollection services, Action<ContentTagsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ContentTagsOptions>();
        if (configure is not null) options.Configure(configure);
        services.TryAddSingleton(provider => Create(provider.GetRequiredService<IOptions<ContentTagsOptions>>().Value));
        return services;
    }

    private static ContentTagger Create(ContentTagsOptions options)
    {
        var model = string.IsNullOrEmpty(options.ModelPath)
            ? ContentTagger.Default.Model // loaded once per process and shared
            : ContentTagModel.Load(options.ModelPath);
        return new ContentTagger(model, options.Tagger);
    }
}
