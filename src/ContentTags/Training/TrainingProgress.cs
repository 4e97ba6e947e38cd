namespace ContentTags;

/// <summary>Where training is: a stage name and how far through it.</summary>
/// <param name="Stage">What is being done, for example "featurizing" or "training suicide".</param>
/// <param name="Completed">Steps of the stage done so far.</param>
/// <param name="Total">Steps the stage has.</param>
public sealed record TrainingProgress(string Stage, int Completed, int Total);
