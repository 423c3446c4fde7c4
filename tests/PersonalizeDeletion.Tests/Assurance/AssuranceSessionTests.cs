using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Assurance;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Tests.Jobs;
using Xunit;

namespace PersonalizeDeletion.Tests.Assurance
{
    /// <summary>The checks of one command against an in-memory Personalize: what they find, what they cost, how they fail.</summary>
    public sealed class AssuranceSessionTests
    {
        private const string Shop = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop";
        private const string Books = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/books";
        private const string Music = "arn:aws:personalize:us-east-1:123456789012:dataset-group/music";

        private static readonly DateTime JobStart = At(10, 0);
        private static readonly DateTime JobEnd = At(12, 0);

        private readonly InMemoryPersonalizeClient _europe = new InMemoryPersonalizeClient();
        private readonly InMemoryPersonalizeClient _america = new InMemoryPersonalizeClient();

        [Fact]
        public async Task Before_a_job_it_finds_the_work_in_progress_the_guide_names_and_only_that()
        {
            SolutionInfo recs = _europe.AddSolution(Shop, "shop-recs");
            SolutionVersionInfo active = _europe.AddSolutionVersion(recs, "v1", "ACTIVE", At(1, 0));
            _europe.AddSolutionVersion(recs, "v2", "CREATE IN_PROGRESS", At(9, 0));
            _europe.AddSolutionVersion(recs, "v3", "CREATE_PENDING", At(9, 30));
            _europe.AddSolutionVersion(recs, "v4", "CREATE STOPPED", At(8, 0));
            DatasetInfo interactions = _europe.AddDataset(Shop, "Interactions");
            _europe.AddImportJob(interactions, "nightly", "CREATE IN_PROGRESS", At(9, 0));
            _europe.AddImportJob(interactions, "last-week", "ACTIVE", At(1, 0), At(2, 0));
            _europe.AddBatchInferenceJob(active, "scores", "IN PROGRESS", At(9, 0));
            _europe.AddBatchSegmentJob(active, "audience", "PENDING", At(9, 5));
            _europe.AddBatchSegmentJob(active, "old-audience", "ACTIVE", At(1, 0));
            _europe.AddRecommender(Shop, "for-you", "CREATE PENDING", At(9, 0));
            _europe.AddRecommender(Shop, "top-picks", "ACTIVE", At(1, 0), latestUpdate: new RecommenderUpdateInfo { Status = "CREATE IN_PROGRESS", CreationDateTime = At(9, 10), LastUpdatedDateTime = At(9, 10) });
            _europe.AddRecommender(Shop, "paused", "INACTIVE", At(1, 0));
            Busy(Books);

            ConcurrentActivityCheck check = await Session().CheckConcurrentActivityAsync(Shop, CancellationToken.None);

            Assert.Equal(Shop, check.DatasetGroupArn);
            Assert.Empty(check.Problems);
            Assert.Equal(
                new[]
                {
                    "SolutionVersion shop-recs (CREATE IN_PROGRESS)",
                    "SolutionVersion shop-recs (CREATE_PENDING)",
                    "DatasetImportJob nightly (CREATE IN_PROGRESS)",
                    "BatchInferenceJob scores (IN PROGRESS)",
                    "BatchSegmentJob audience (PENDING)",
                    "Recommender for-you (CREATE PENDING)",
                    "RecommenderUpdate top-picks (CREATE IN_PROGRESS)",
                },
                check.InProgress!.Select(activity => activity.ToString()));
            ConcurrentActivity training = check.InProgress![0];
            Assert.Equal(recs.SolutionArn + "/v2", training.Arn);
            Assert.Equal(At(9, 0), training.CreationDateTime);
            Assert.Equal(At(9, 0), training.LastUpdatedDateTime);
        }

        [Fact]
        public async Task A_group_at_rest_has_no_concurrent_activity()
        {
            SolutionInfo recs = _europe.AddSolution(Shop, "shop-recs");
            SolutionVersionInfo active = _europe.AddSolutionVersion(recs, "v1", "ACTIVE", At(1, 0));
            _europe.AddImportJob(_europe.AddDataset(Shop, "Items"), "items", "ACTIVE", At(1, 0));
            _europe.AddBatchInferenceJob(active, "scores", "CREATE FAILED", At(2, 0));
            Busy(Books);

            ConcurrentActivityCheck check = await Session().CheckConcurrentActivityAsync(Shop, CancellationToken.None);

            Assert.NotNull(check.InProgress);
            Assert.Empty(check.InProgress!);
        }

        [Fact]
        public async Task A_completed_job_is_judged_from_the_groups_models_campaigns_and_batch_output()
        {
            SolutionInfo recs = _europe.AddSolution(Shop, "shop-recs");
            SolutionVersionInfo old = _europe.AddSolutionVersion(recs, "v1", "ACTIVE", At(1, 0), At(3, 0));
            _europe.AddCampaign(recs, "shop-live", old);
            _europe.AddBatchInferenceJob(old, "scores", "ACTIVE", At(4, 0), At(5, 0));
            _europe.AddBatchSegmentJob(old, "audience", "ACTIVE", At(13, 0), At(14, 0));
            SolutionInfo similar = _europe.AddSolution(Shop, "similar-items");
            SolutionVersionInfo fresh = _europe.AddSolutionVersion(similar, "v9", "ACTIVE", At(12, 30), At(13, 30));
            _europe.AddCampaign(similar, "similar-live", fresh);
            SolutionInfo neverTrained = _europe.AddSolution(Shop, "never-trained");

            AssuranceJudgement judgement = await Session().JudgeAsync(new[] { Completed(Shop, "pdj-1") }, CancellationToken.None);

            DeletionOutcome outcome = Assert.Single(judgement.Outcomes);
            Assert.Empty(judgement.Problems);
            Assert.Equal(DeletionAssurance.RetrainModels, outcome.Assurance);
            Assert.Empty(outcome.ConcurrentActivity!);
            ModelToRetrain model = Assert.Single(outcome.ModelsToRetrain!);
            Assert.Equal(("shop-recs", recs.SolutionArn, old.SolutionVersionArn), (model.SolutionName, model.SolutionArn, model.SolutionVersionArn));
            CampaignToUpdate campaign = Assert.Single(outcome.CampaignsToUpdate!);
            Assert.Equal(("shop-live", old.SolutionVersionArn, recs.SolutionArn), (campaign.CampaignName, campaign.SolutionVersionArn, campaign.SolutionArn));
            ExternalCopy copy = Assert.Single(outcome.ExternalCopies!);
            Assert.Equal((ExternalCopyKind.BatchInferenceJob, "scores", "s3://batch-output/scores/"), (copy.Kind, copy.JobName, copy.OutputLocation));
            // Only a solution with an ACTIVE version can have a campaign that serves: the others cost no ListCampaigns.
            Assert.Equal(2, _europe.CallsTo("ListCampaigns"));
            Assert.Equal(0, _europe.CallsTo("ListCampaigns " + neverTrained.SolutionArn));
        }

        [Fact]
        public async Task Work_that_ran_during_the_job_recommends_a_rerun()
        {
            SolutionInfo recs = _europe.AddSolution(Shop, "shop-recs");
            _europe.AddSolutionVersion(recs, "v1", "ACTIVE", At(1, 0));
            _europe.AddImportJob(_europe.AddDataset(Shop, "Users"), "users", "ACTIVE", At(11, 0), At(11, 10));

            DeletionOutcome outcome = Assert.Single((await Session().JudgeAsync(new[] { Completed(Shop, "pdj-1") }, CancellationToken.None)).Outcomes);

            Assert.Equal(DeletionAssurance.RerunRecommended, outcome.Assurance);
            Assert.Equal("DatasetImportJob users (ACTIVE)", Assert.Single(outcome.ConcurrentActivity!).ToString());
        }

        [Fact]
        public async Task A_failed_job_costs_no_call_and_a_running_one_no_deployment_call()
        {
            SolutionInfo recs = _europe.AddSolution(Shop, "shop-recs");
            SolutionVersionInfo old = _europe.AddSolutionVersion(recs, "v1", "ACTIVE", At(1, 0));
            _europe.AddCampaign(recs, "live", old);
            _europe.AddBatchInferenceJob(old, "scores", "ACTIVE", At(4, 0));
            AssuranceSession session = Session();

            DataDeletionJob failed = Completed(Shop, "pdj-failed");
            failed.Status = DataDeletionJob.StatusFailed;
            await session.JudgeAsync(new[] { failed }, CancellationToken.None);
            Assert.Empty(_europe.Calls);

            DataDeletionJob running = Completed(Shop, "pdj-running");
            running.Status = DataDeletionJob.StatusInProgress;
            DeletionOutcome outcome = Assert.Single((await session.JudgeAsync(new[] { running }, CancellationToken.None)).Outcomes);

            Assert.Equal(DeletionAssurance.Unfinished, outcome.Assurance);
            Assert.NotEmpty(_europe.Calls);
            Assert.Equal(0, _europe.CallsTo("ListCampaigns") + _europe.CallsTo("DescribeCampaign") + _europe.CallsTo("DescribeBatchInferenceJob"));
        }

        [Fact]
        public async Task The_checks_cost_the_same_calls_whatever_the_number_of_jobs_and_rounds()
        {
            (Dictionary<string, int> oneJob, Dictionary<string, int> oneAmerica) = await CallsForAsync(jobsPerGroup: 1, rounds: 1);
            (Dictionary<string, int> manyJobs, Dictionary<string, int> manyAmerica) = await CallsForAsync(jobsPerGroup: 9, rounds: 6);

            Assert.Equal(oneJob, manyJobs);
            Assert.Equal(oneAmerica, manyAmerica);

            // Pages of 2. For each of the two groups of eu-west-1: its 3 solutions (2 pages) and the 3 versions of each (2
            // pages each); its 2 datasets (1 page) and the imports of each (1 page each); its recommender (1 page) and a
            // Describe of it; the campaigns of each solution (1 page each) and a Describe of each campaign; a Describe of
            // each of its batch jobs (2 inference, 1 segment). Once for the region, the account's batch jobs: 4 inference
            // jobs (2 pages) and 2 segment jobs (1 page).
            var expected = new Dictionary<string, int>
            {
                ["ListSolutions"] = 2 * 2,
                ["ListSolutionVersions"] = 2 * 3 * 2,
                ["ListDatasets"] = 2 * 1,
                ["ListDatasetImportJobs"] = 2 * 2,
                ["ListRecommenders"] = 2 * 1,
                ["DescribeRecommender"] = 2 * 1,
                ["ListBatchInferenceJobs"] = 2,
                ["ListBatchSegmentJobs"] = 1,
                ["ListCampaigns"] = 2 * 3,
                ["DescribeCampaign"] = 2 * 3,
                ["DescribeBatchInferenceJob"] = 2 * 2,
                ["DescribeBatchSegmentJob"] = 2 * 1,
            };
            Assert.Equal(expected, oneJob);
            Assert.Equal(expected.ToDictionary(pair => pair.Key, pair => pair.Key.StartsWith("ListBatch", StringComparison.Ordinal) ? 1 : pair.Value / 2), oneAmerica);
            Assert.All(_europe.AssuranceMaxResults, size => Assert.Equal(100, size));
        }

        [Fact]
        public async Task Every_page_is_read()
        {
            _europe.PageSize = 1;
            SolutionInfo[] solutions = { _europe.AddSolution(Shop, "a"), _europe.AddSolution(Shop, "b"), _europe.AddSolution(Shop, "c") };
            foreach (SolutionInfo solution in solutions)
            {
                _europe.AddSolutionVersion(solution, "v1", "ACTIVE", At(1, 0));
            }

            DeletionOutcome outcome = Assert.Single((await Session().JudgeAsync(new[] { Completed(Shop, "pdj-1") }, CancellationToken.None)).Outcomes);

            Assert.Equal(new[] { "a", "b", "c" }, outcome.ModelsToRetrain!.Select(m => m.SolutionName));
            Assert.Equal(new[] { "ListSolutions " + Shop + " -", "ListSolutions " + Shop + " 1", "ListSolutions " + Shop + " 2" }, _europe.Calls.Where(c => c.StartsWith("ListSolutions ", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_missing_permission_leaves_only_its_checks_unknown_and_names_the_permission()
        {
            SolutionInfo recs = _europe.AddSolution(Shop, "shop-recs");
            SolutionVersionInfo old = _europe.AddSolutionVersion(recs, "v1", "ACTIVE", At(1, 0));
            _europe.AddCampaign(recs, "live", old);
            _europe.AssuranceFault = (operation, arn) => operation == "ListCampaigns" ? Denied(operation) : null;

            AssuranceJudgement judgement = await Session().JudgeAsync(new[] { Completed(Shop, "pdj-1") }, CancellationToken.None);

            DeletionOutcome outcome = Assert.Single(judgement.Outcomes);
            Assert.Null(outcome.CampaignsToUpdate);
            Assert.Single(outcome.ModelsToRetrain!);
            Assert.NotNull(outcome.ConcurrentActivity);
            Assert.NotNull(outcome.ExternalCopies);
            Assert.Equal(DeletionAssurance.RetrainModels, outcome.Assurance);
            AssuranceProblem problem = Assert.Single(judgement.Problems);
            Assert.Equal("personalize:ListCampaigns", problem.Permission);
            Assert.True(problem.IsAccessDenied);
            Assert.Equal(AssuranceCheck.CampaignsToUpdate, problem.Checks);
            Assert.Equal(Shop, problem.Scope);
            Assert.Contains("lacks personalize:ListCampaigns", problem.Message, StringComparison.Ordinal);
            Assert.Contains(Shop, problem.Message, StringComparison.Ordinal);
            Assert.Contains("CampaignsToUpdate", problem.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Without_a_permission_a_job_with_nothing_else_found_is_unverified_not_verified()
        {
            _europe.AssuranceFault = (operation, arn) => operation == "ListRecommenders" ? Denied(operation) : null;

            AssuranceJudgement judgement = await Session().JudgeAsync(new[] { Completed(Shop, "pdj-1") }, CancellationToken.None);

            DeletionOutcome outcome = Assert.Single(judgement.Outcomes);
            Assert.Null(outcome.ConcurrentActivity);
            Assert.Empty(outcome.ModelsToRetrain!);
            Assert.Equal(DeletionAssurance.Unverified, outcome.Assurance);
            Assert.Equal("personalize:ListRecommenders", Assert.Single(judgement.Problems).Permission);
        }

        [Fact]
        public async Task A_missing_permission_is_reported_once_per_command_however_many_groups_and_rounds_need_it()
        {
            _europe.AssuranceFault = (operation, arn) => operation == "ListBatchInferenceJobs" ? Denied(operation) : null;
            AssuranceSession session = Session();

            ConcurrentActivityCheck shop = await session.CheckConcurrentActivityAsync(Shop, CancellationToken.None);
            ConcurrentActivityCheck books = await session.CheckConcurrentActivityAsync(Books, CancellationToken.None);
            AssuranceJudgement judged = await session.JudgeAsync(new[] { Completed(Shop, "pdj-1"), Completed(Books, "pdj-2") }, CancellationToken.None);

            AssuranceProblem problem = Assert.Single(shop.Problems);
            Assert.Equal("eu-west-1", problem.Scope);
            Assert.Equal(AssuranceCheck.ConcurrentActivity | AssuranceCheck.ExternalCopies, problem.Checks);
            Assert.Contains("the dataset groups in eu-west-1", problem.Message, StringComparison.Ordinal);
            Assert.Empty(books.Problems);
            Assert.Empty(judged.Problems);
            Assert.Null(shop.InProgress);
            Assert.Null(books.InProgress);
            Assert.All(judged.Outcomes, outcome => Assert.Null(outcome.ExternalCopies));
            Assert.Equal(1, _europe.CallsTo("ListBatchInferenceJobs"));
        }

        [Fact]
        public async Task A_call_that_fails_for_another_reason_is_a_problem_without_a_permission_claim_and_never_an_exception()
        {
            _europe.AssuranceFault = (operation, arn) => operation switch
            {
                "ListSolutions" => new PersonalizeServiceException("ThrottlingException", "Rate exceeded", "req-1", 400),
                "ListDatasets" => new PersonalizeClientException("Could not reach Amazon Personalize: Connection refused", "http://127.0.0.1:1", null),
                _ => null,
            };

            AssuranceJudgement judgement = await Session().JudgeAsync(new[] { Completed(Shop, "pdj-1") }, CancellationToken.None);

            DeletionOutcome outcome = Assert.Single(judgement.Outcomes);
            Assert.Equal(DeletionAssurance.Unverified, outcome.Assurance);
            Assert.Null(outcome.ModelsToRetrain);
            Assert.Null(outcome.CampaignsToUpdate);
            Assert.Null(outcome.ExternalCopies);
            Assert.Null(outcome.ConcurrentActivity);
            Assert.Equal(new[] { "ListSolutions", "ListDatasets" }, judgement.Problems.Select(p => p.Operation));
            Assert.All(judgement.Problems, p => Assert.False(p.IsAccessDenied));
            Assert.Contains("ListSolutions failed: Rate exceeded", judgement.Problems[0].Message, StringComparison.Ordinal);
            Assert.DoesNotContain("lacks", judgement.Problems[0].Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_resource_deleted_between_the_list_and_the_next_call_is_skipped_without_a_problem()
        {
            SolutionInfo gone = _europe.AddSolution(Shop, "gone");
            SolutionInfo kept = _europe.AddSolution(Shop, "kept");
            _europe.AddSolutionVersion(kept, "v1", "ACTIVE", At(1, 0));
            _europe.AddRecommender(Shop, "removed", "ACTIVE", At(1, 0));
            _europe.AssuranceFault = (operation, arn) =>
                (operation == "ListSolutionVersions" && arn == gone.SolutionArn) || operation == "DescribeRecommender"
                    ? new ResourceNotFoundException("Could not find " + arn, "req-2", 400)
                    : null;

            AssuranceJudgement judgement = await Session().JudgeAsync(new[] { Completed(Shop, "pdj-1") }, CancellationToken.None);

            DeletionOutcome outcome = Assert.Single(judgement.Outcomes);
            Assert.Empty(judgement.Problems);
            Assert.Equal("kept", Assert.Single(outcome.ModelsToRetrain!).SolutionName);
            Assert.NotNull(outcome.ConcurrentActivity);
        }

        [Fact]
        public async Task Cancellation_stops_the_checks_and_a_later_call_reads_again()
        {
            SolutionInfo recs = _europe.AddSolution(Shop, "shop-recs");
            _europe.AddSolutionVersion(recs, "v1", "ACTIVE", At(1, 0));
            using var stop = new CancellationTokenSource();
            _europe.AssuranceFault = (operation, arn) =>
            {
                if (operation != "ListDatasets" || stop.IsCancellationRequested)
                {
                    return null;
                }

                stop.Cancel();
                return new OperationCanceledException(stop.Token);
            };
            AssuranceSession session = Session();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.CheckConcurrentActivityAsync(Shop, stop.Token));
            ConcurrentActivityCheck check = await session.CheckConcurrentActivityAsync(Shop, CancellationToken.None);

            Assert.NotNull(check.InProgress);
            Assert.Empty(check.Problems);
            Assert.Equal(2, _europe.CallsTo("ListDatasets"));
        }

        [Fact]
        public async Task A_dataset_group_arn_that_is_not_one_is_refused()
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Session().CheckConcurrentActivityAsync("arn:aws:personalize:eu-west-1:123456789012:solution/x", CancellationToken.None));
        }

        private static DateTime At(int hour, int minute) => new DateTime(2026, 3, 10, hour, minute, 0, DateTimeKind.Utc);

        private static PersonalizeServiceException Denied(string operation) =>
            new PersonalizeServiceException("AccessDeniedException", "User: arn:aws:iam::123456789012:user/runner is not authorized to perform: personalize:" + operation, "req-denied", 400);

        private static DataDeletionJob Completed(string group, string name) => new DataDeletionJob
        {
            JobName = name,
            JobArn = group.Substring(0, group.IndexOf(":dataset-group/", StringComparison.Ordinal)) + ":data-deletion-job/" + name,
            DatasetGroupArn = group,
            Status = DataDeletionJob.StatusCompleted,
            NumDeleted = 3,
            CreationDateTime = JobStart,
            LastUpdatedDateTime = JobEnd,
        };

        private AssuranceSession Session() => new AssuranceSession(region => region == "eu-west-1" ? _europe : _america);

        /// <summary>Work in progress in another group, which the checks of the first must not report.</summary>
        private void Busy(string group)
        {
            SolutionInfo other = _europe.AddSolution(group, "other-recs");
            SolutionVersionInfo training = _europe.AddSolutionVersion(other, "t1", "CREATE IN_PROGRESS", At(9, 0));
            _europe.AddBatchInferenceJob(training, "other-scores", "IN PROGRESS", At(9, 0));
            _europe.AddImportJob(_europe.AddDataset(group, "Interactions"), "other-import", "CREATE PENDING", At(9, 0));
            _europe.AddRecommender(group, "other-recommender", "CREATE IN_PROGRESS", At(9, 0));
        }

        /// <summary>
        /// Two groups in eu-west-1 and one in us-east-1, each with 3 solutions of 3 versions, a campaign per solution, two
        /// datasets with an import each, a recommender and 2 batch jobs of each kind; pages of 2. A command then checks
        /// each group before creating jobs (as New does) and judges every job once per round (as Wait does).
        /// </summary>
        private async Task<(Dictionary<string, int> Europe, Dictionary<string, int> America)> CallsForAsync(int jobsPerGroup, int rounds)
        {
            var europe = new InMemoryPersonalizeClient { PageSize = 2 };
            var america = new InMemoryPersonalizeClient { PageSize = 2 };
            foreach ((InMemoryPersonalizeClient client, string group) in new[] { (europe, Shop), (europe, Books), (america, Music) })
            {
                for (int s = 0; s < 3; s++)
                {
                    SolutionInfo solution = client.AddSolution(group, "sol" + s + "-" + group.Substring(group.LastIndexOf('/') + 1));
                    SolutionVersionInfo first = client.AddSolutionVersion(solution, "v1", "ACTIVE", At(1, 0));
                    client.AddSolutionVersion(solution, "v2", "ACTIVE", At(2, 0));
                    client.AddSolutionVersion(solution, "v3", "CREATE FAILED", At(3, 0));
                    client.AddCampaign(solution, solution.Name + "-live", first);
                    if (s < 2)
                    {
                        client.AddBatchInferenceJob(first, solution.Name + "-scores", "ACTIVE", At(4, 0));
                    }
                    else
                    {
                        client.AddBatchSegmentJob(first, solution.Name + "-audience", "ACTIVE", At(4, 0));
                    }
                }

                client.AddImportJob(client.AddDataset(group, "Interactions"), "interactions", "ACTIVE", At(1, 0));
                client.AddImportJob(client.AddDataset(group, "Items"), "items", "ACTIVE", At(1, 0));
                client.AddRecommender(group, "for-you", "ACTIVE", At(1, 0));
            }

            var session = new AssuranceSession(region => region == "eu-west-1" ? europe : america);
            var jobs = new List<DataDeletionJob>();
            foreach (string group in new[] { Shop, Books, Music })
            {
                await session.CheckConcurrentActivityAsync(group, CancellationToken.None);
                jobs.AddRange(Enumerable.Range(1, jobsPerGroup).Select(i => Completed(group, "pdj-" + group.Substring(group.LastIndexOf('/') + 1) + "-" + i)));
            }

            for (int round = 0; round < rounds; round++)
            {
                AssuranceJudgement judgement = await session.JudgeAsync(jobs, CancellationToken.None);
                Assert.Equal(jobs.Count, judgement.Outcomes.Count);
                Assert.All(judgement.Outcomes, outcome => Assert.Equal(DeletionAssurance.RetrainModels, outcome.Assurance));
            }

            _europe.AssuranceMaxResults.AddRange(europe.AssuranceMaxResults);
            return (Count(europe), Count(america));
        }

        private static Dictionary<string, int> Count(InMemoryPersonalizeClient client) =>
            client.Calls.GroupBy(call => call.Substring(0, call.IndexOf(' ', StringComparison.Ordinal))).ToDictionary(g => g.Key, g => g.Count());
    }
}
