namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Read access to the environment variables that steer AWS resolution. The seam lets tests
    /// describe an environment without mutating the process-wide one.
    /// </summary>
    internal interface IAwsEnvironment
    {
        /// <summary>The variable's value, or null when it is unset or empty.</summary>
        string? GetVariable(string name);
    }
}
