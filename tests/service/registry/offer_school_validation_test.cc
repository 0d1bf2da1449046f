// Validation of an offer's vocational school (Berufsschule): a Location checked like
// every other, and school_days_per_week 0..5, set only with a school. Each rule names
// the one field it violates.
#include <limits>
#include <string>

#include "gtest/gtest.h"
#include "service/registry/validation.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/registry/validation_test_support.h"

namespace azubimatch::service {
namespace {

void SetFreiburgSchool(v1::TrainingOffer& offer) {
  v1::Location* school = offer.mutable_vocational_school();
  school->set_latitude(47.995);
  school->set_longitude(7.85);
  school->set_postal_code("79098");
  school->set_municipality("Freiburg im Breisgau");
}

using SchoolCase = RuleCase<v1::TrainingOffer>;
class OfferSchoolRuleTest : public testing::TestWithParam<SchoolCase> {};

TEST_P(OfferSchoolRuleTest, NamesTheViolatedField) {
  v1::TrainingOffer offer = SampleOffer(kCompanyId, "offer-1");
  GetParam().mutate(offer);
  ExpectSingleViolation(ValidateOffer(offer, GetParam().mode), GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, OfferSchoolRuleTest,
    testing::Values(
        SchoolCase{"NoSchoolIsValid", [](v1::TrainingOffer&) {}, ""},
        SchoolCase{"SchoolWithZeroDaysIsValid", SetFreiburgSchool, ""},
        SchoolCase{"SchoolWithFiveDaysIsValid",
                   [](v1::TrainingOffer& o) {
                     SetFreiburgSchool(o);
                     o.set_school_days_per_week(5);
                   },
                   ""},
        SchoolCase{"Latitude91",
                   [](v1::TrainingOffer& o) {
                     SetFreiburgSchool(o);
                     o.mutable_vocational_school()->set_latitude(91.0);
                   },
                   "offer.vocational_school.latitude"},
        SchoolCase{"LongitudeNotFinite",
                   [](v1::TrainingOffer& o) {
                     SetFreiburgSchool(o);
                     o.mutable_vocational_school()->set_longitude(
                         std::numeric_limits<double>::infinity());
                   },
                   "offer.vocational_school.longitude"},
        SchoolCase{"CoordinatesUnset",
                   [](v1::TrainingOffer& o) {
                     o.mutable_vocational_school()->set_municipality("Ulm");
                   },
                   "offer.vocational_school.latitude"},
        SchoolCase{"PostalCodeOf4Digits",
                   [](v1::TrainingOffer& o) {
                     SetFreiburgSchool(o);
                     o.mutable_vocational_school()->set_postal_code("7909");
                   },
                   "offer.vocational_school.postal_code"},
        SchoolCase{"MunicipalityOf201Characters",
                   [](v1::TrainingOffer& o) {
                     SetFreiburgSchool(o);
                     o.mutable_vocational_school()->set_municipality(std::string(201, 'm'));
                   },
                   "offer.vocational_school.municipality"},
        SchoolCase{"SixDays",
                   [](v1::TrainingOffer& o) {
                     SetFreiburgSchool(o);
                     o.set_school_days_per_week(6);
                   },
                   "offer.school_days_per_week"},
        SchoolCase{"NegativeDays",
                   [](v1::TrainingOffer& o) {
                     SetFreiburgSchool(o);
                     o.set_school_days_per_week(-1);
                   },
                   "offer.school_days_per_week"},
        SchoolCase{"DaysWithoutSchool",
                   [](v1::TrainingOffer& o) { o.set_school_days_per_week(1); },
                   "offer.school_days_per_week"}),
    CaseName<v1::TrainingOffer>);

}  // namespace
}  // namespace azubimatch::service
