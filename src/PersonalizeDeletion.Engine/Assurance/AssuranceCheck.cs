using System;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>The judgements a failed call leaves unknown (null), named as the job properties that carry them.</summary>
    [Flags]
    internal enum AssuranceCheck
    {
        None = 0,
        ConcurrentActivity = 1,
        ModelsToRetrain = 2,
        CampaignsToUpdate = 4,
        ExternalCopies = 8,
    }
}
