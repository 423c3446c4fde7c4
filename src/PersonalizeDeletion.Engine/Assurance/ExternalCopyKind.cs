namespace PersonalizeDeletion
{
    /// <summary>The kind of job that wrote an <see cref="ExternalCopy"/>.</summary>
    public enum ExternalCopyKind
    {
        BatchInferenceJob,
        BatchSegmentJob,
    }
}
