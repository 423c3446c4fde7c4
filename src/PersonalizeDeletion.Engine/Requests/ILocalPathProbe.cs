namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// Whether a piped string names an existing file or folder, resolved as the caller resolves paths (PowerShell's
    /// current location, its drives and ~). Asked only about strings that look like paths (<see cref="PipedTextIntent.MayNameFile"/>).
    /// </summary>
    internal interface ILocalPathProbe
    {
        /// <summary>The full path of the file or folder <paramref name="text"/> names, or null (none, or not a path at all).</summary>
        string? ExistingItem(string text, out bool isFolder);
    }
}
