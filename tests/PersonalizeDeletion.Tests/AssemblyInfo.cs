using Xunit;

// Some tests set process environment variables (AWS_REGION, AWS_PROFILE, ...); run collections serially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
