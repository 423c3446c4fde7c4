using System;
using System.Collections.Generic;
using System.Linq;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// What the judged jobs of one command leave to do, each model, campaign and copy counted once however many jobs
    /// name it: the one summary warning a command gives, with how to retrain and update using AWS.Tools or the CLI.
    /// </summary>
    internal sealed class FollowUpSummary
    {
        private readonly Dictionary<string, ModelToRetrain> _models = new Dictionary<string, ModelToRetrain>(StringComparer.Ordinal);
        private readonly Dictionary<string, CampaignToUpdate> _campaigns = new Dictionary<string, CampaignToUpdate>(StringComparer.Ordinal);
        private readonly Dictionary<string, ExternalCopy> _copies = new Dictionary<string, ExternalCopy>(StringComparer.Ordinal);
        private int _jobs;

        public int ModelCount => _models.Count;

        public int CampaignCount => _campaigns.Count;

        public int CopyCount => _copies.Count;

        public void Add(DeletionOutcome outcome)
        {
            if (outcome is null)
            {
                throw new ArgumentNullException(nameof(outcome));
            }

            bool any = false;
            foreach (ModelToRetrain model in outcome.ModelsToRetrain ?? Array.Empty<ModelToRetrain>())
            {
                any = true;
                AddOnce(_models, model.SolutionArn ?? model.SolutionName, model);
            }

            foreach (CampaignToUpdate campaign in outcome.CampaignsToUpdate ?? Array.Empty<CampaignToUpdate>())
            {
                any = true;
                AddOnce(_campaigns, campaign.CampaignArn ?? campaign.CampaignName, campaign);
            }

            foreach (ExternalCopy copy in outcome.ExternalCopies ?? Array.Empty<ExternalCopy>())
            {
                any = true;
                AddOnce(_copies, copy.JobArn ?? copy.OutputLocation, copy);
            }

            if (any)
            {
                _jobs++;
            }
        }

        /// <summary>The summary warning; null when the jobs leave nothing to do.</summary>
        public string? Message()
        {
            if (_models.Count == 0 && _campaigns.Count == 0 && _copies.Count == 0)
            {
                return null;
            }

            var parts = new List<string> { $"{_jobs} completed data deletion job(s) leave work to do." };
            if (_models.Count > 0)
            {
                parts.Add($"{_models.Count} model(s) to retrain, trained before the deletion and still holding the users' data: {Names(_models.Values.Select(model => model.ToString()))}. "
                    + "Train a new solution version of each: New-PERSSolutionVersion -SolutionArn <SolutionArn> -TrainingMode FULL (AWS.Tools), or aws personalize create-solution-version --solution-arn <SolutionArn> --training-mode FULL.");
            }

            if (_campaigns.Count > 0)
            {
                parts.Add($"{_campaigns.Count} campaign(s) to update, still serving such a model: {Names(_campaigns.Values.Select(campaign => campaign.ToString()))}. "
                    + "Once the new solution version is ACTIVE: Update-PERSCampaign -CampaignArn <CampaignArn> -SolutionVersionArn <new version>, or aws personalize update-campaign --campaign-arn <CampaignArn> --solution-version-arn <new version>.");
            }

            if (_copies.Count > 0)
            {
                parts.Add($"{_copies.Count} batch job output(s) in S3 hold copies the deletion does not reach: {Names(_copies.Values.Select(copy => copy.ToString()))}; review them.");
            }

            parts.Add("The jobs' ModelsToRetrain, CampaignsToUpdate and ExternalCopies give the ARNs; see about_PersonalizeDeletion.");
            return string.Join(" ", parts);
        }

        private static void AddOnce<T>(Dictionary<string, T> known, string? key, T item)
        {
            if (key is not null && !known.ContainsKey(key))
            {
                known.Add(key, item);
            }
        }

        private static string Names(IEnumerable<string> names)
        {
            var list = names.ToList();
            return AssuranceWarnings.Names(list, list.Count);
        }
    }
}
