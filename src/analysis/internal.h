// Helpers shared by the analysis files (not part of the stage's interface).
#pragma once

#include "analysis/analysis.h"

namespace griot::analysis::internal {

// The first day of the bucket after the one starting on `start`.
Date NextBucket(const Date& start, Bucket b);
// The start of the bucket `n` buckets before the one starting on `start`.
Date BucketsBefore(const Date& start, Bucket b, int n);
EventGrouping::Period PeriodOf(Bucket b);
// `query` restricted to `window` (intersected with its own dates), without limit or order.
EventQuery InWindow(const EventQuery& query, const Window& window);

// Severity of an event in [0, 1] (docs/analysis.md): |Goldstein| / 10, material QuadClasses
// (2, 4) at full weight, verbal ones (1, 3) at 0.6.
double Severity(double goldstein, int quad_class);

}  // namespace griot::analysis::internal
