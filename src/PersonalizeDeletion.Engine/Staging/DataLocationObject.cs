namespace PersonalizeDeletion.Staging
{
    /// <summary>One CSV object a data location holds, as its listing (or HEAD) gave it.</summary>
    internal sealed class DataLocationObject
    {
        public DataLocationObject(string key, long size)
        {
            Key = key;
            Size = size;
        }

        public string Key { get; }

        public long Size { get; }
    }
}
