#include "clients/demo/demo_companies.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "clients/demo/ascii_slug.h"
#include "clients/demo/business_types.h"
#include "clients/demo/demo_sampling.h"
#include "clients/demo/heritage_groups.h"
#include "clients/demo/training_occupations.h"

namespace azubimatch::clients {
namespace {

namespace v1 = ::azubimatch::v1;

constexpr double kMayTrainShare = 0.92;
constexpr double kRelatedLanguageShare = 0.25;
constexpr double kEnglishInBusinessShare = 0.15;
constexpr double kLanguageSpecificNameShare = 0.6;
constexpr double kAugustStartShare = 0.75;
constexpr double kHeritageLanguageRequiredShare = 0.12;
constexpr double kEnglishRequiredShare = 0.35;

constexpr std::pair<int, double> kOffersPerCompany[] = {{1, 0.6}, {2, 0.3}, {3, 0.1}};
constexpr std::pair<int, double> kSeats[] = {
    {1, 0.50}, {2, 0.25}, {3, 0.13}, {4, 0.07}, {5, 0.05}};
constexpr std::pair<int, double> kTrainers[] = {{1, 0.55}, {2, 0.30}, {3, 0.15}};

const BusinessType& SampleBusinessType(DemoRandom& rng) {
  static const auto* const kWeights = [] {
    auto* weights = new std::vector<double>;
    for (const BusinessType& t : BusinessTypes()) weights->push_back(t.weight);
    return weights;
  }();
  return BusinessTypes()[rng.WeightedIndex(*kWeights)];
}

std::string CompanyName(DemoRandom& rng, const BusinessType& type,
                        const HeritageGroup& owner_group, absl::string_view first_name,
                        absl::string_view surname) {
  std::vector<absl::string_view> generic;
  std::vector<absl::string_view> specific;
  for (const NamePattern& p : type.names) {
    if (p.language.empty()) {
      generic.push_back(p.pattern);
    } else if (p.language == owner_group.language) {
      specific.push_back(p.pattern);
    }
  }
  const bool use_specific =
      !specific.empty() && (generic.empty() || rng.Bernoulli(kLanguageSpecificNameShare));
  const absl::string_view pattern = PickOne(rng, use_specific ? specific : generic);
  return absl::StrReplaceAll(pattern, {{"{S}", surname}, {"{F}", first_name}});
}

// "yilmaz-kfz-service.example" for "Yılmaz Kfz-Service GmbH": a host under the
// reserved .example top-level domain (RFC 2606), so no address is real.
std::string CompanyHost(absl::string_view company_name) {
  std::string slug = AsciiSlug(company_name);
  for (absl::string_view suffix : {"-gmbh", "-und-kollegen", "-partner"}) {
    if (absl::EndsWith(slug, suffix)) slug.resize(slug.size() - suffix.size());
  }
  if (slug.size() > 40) slug.resize(40);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return absl::StrCat(slug, ".example");
}

std::vector<std::string> BusinessLanguages(DemoRandom& rng, const HeritageGroup& group) {
  std::vector<std::string> languages = {"de", std::string(group.language)};
  if (!group.related.empty() && rng.Bernoulli(kRelatedLanguageShare)) {
    languages.emplace_back(PickOne(rng, group.related));
  }
  if (rng.Bernoulli(kEnglishInBusinessShare)) languages.emplace_back("en");
  return languages;
}

v1::Company NewCompany(const DemoCohortOptions& options, const CohortRegion& region,
                       int index, DemoRandom& rng, const BusinessType& type) {
  const HeritageGroup& group =
      SampleHeritageGroup(rng, /*for_company=*/true, type.preferred_languages);
  const absl::string_view first_name = PickOne(rng, group.first_names);
  const absl::string_view surname = PickOne(rng, group.surnames);

  v1::Company company;
  company.set_external_id(DemoExternalId(options.external_id_prefix, "company", index));
  company.set_name(CompanyName(rng, type, group, first_name, surname));
  company.set_sector(type.sector);
  *company.mutable_location() = region.SampleLocation(rng);
  for (std::string& language : BusinessLanguages(rng, group)) {
    company.add_languages(std::move(language));
  }
  const bool may_train = rng.Bernoulli(kMayTrainShare);
  company.set_may_train(may_train);
  // A chamber is recorded once it has recognised the company's right to train.
  company.set_chamber(may_train ? type.chamber : v1::CHAMBER_UNSPECIFIED);
  company.set_qualified_trainers(
      may_train ? PickWeighted<int>(rng, absl::MakeConstSpan(kTrainers)) : 0);
  v1::ContactDetails* contact = company.mutable_contact();
  contact->set_name(absl::StrCat(first_name, " ", surname));
  const std::string host = CompanyHost(company.name());
  contact->set_email(rng.Bernoulli(0.5) ? absl::StrCat("ausbildung@", host)
                                        : absl::StrCat(AsciiSlug(first_name), ".",
                                                       AsciiSlug(surname), "@", host));
  company.set_status(v1::COMPANY_STATUS_ACTIVE);
  return company;
}

// One step up or down the certificate ladder; one below Hauptschulabschluss is "no
// minimum" (UNSPECIFIED), as offers without a stated minimum are common there.
v1::SchoolCertificate VaryCertificate(DemoRandom& rng, v1::SchoolCertificate typical) {
  const double u = rng.UniformDouble();
  if (u < 0.15) {
    return typical <= v1::SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS
               ? v1::SCHOOL_CERTIFICATE_UNSPECIFIED
               : static_cast<v1::SchoolCertificate>(typical - 1);
  }
  if (u < 0.30 && typical < v1::SCHOOL_CERTIFICATE_ABITUR) {
    return static_cast<v1::SchoolCertificate>(typical + 1);
  }
  return typical;
}

// German stays within B1..C1: B2 offers sometimes accept B1, B1 offers sometimes ask B2.
v1::CefrLevel VaryGermanLevel(DemoRandom& rng, v1::CefrLevel typical) {
  const double u = rng.UniformDouble();
  if (u < 0.15 && typical == v1::CEFR_LEVEL_B2) return v1::CEFR_LEVEL_B1;
  if (u > 0.90 && typical == v1::CEFR_LEVEL_B1) return v1::CEFR_LEVEL_B2;
  return typical;
}

v1::TrainingOffer NewOffer(const DemoCohortOptions& options, int index, DemoRandom& rng,
                           const v1::Company& company,
                           const TrainingOccupation& occupation) {
  v1::TrainingOffer offer;
  offer.set_external_id(DemoExternalId(options.external_id_prefix, "offer", index));
  v1::Occupation* o = offer.mutable_occupation();
  o->set_kldb_code(std::string(occupation.kldb_code));
  o->set_title(std::string(occupation.title));
  o->set_sector(occupation.sector);
  offer.set_seats(PickWeighted<int>(rng, absl::MakeConstSpan(kSeats)));
  *offer.mutable_start_date() =
      MakeDate(options.training_year, rng.Bernoulli(kAugustStartShare) ? 8 : 9, 1);
  *offer.mutable_location() = company.location();
  offer.set_min_certificate(VaryCertificate(rng, occupation.typical_min_certificate));

  v1::LanguageSkill* german = offer.add_required_languages();
  german->set_language("de");
  german->set_level(VaryGermanLevel(rng, occupation.typical_german_level));
  const std::string& heritage = company.languages(1);  // [0] is always "de"
  if (rng.Bernoulli(kHeritageLanguageRequiredShare)) {
    v1::LanguageSkill* skill = offer.add_required_languages();
    skill->set_language(heritage);
    skill->set_level(rng.Bernoulli(0.7) ? v1::CEFR_LEVEL_B1 : v1::CEFR_LEVEL_B2);
  } else if (occupation.useful_english_level != v1::CEFR_LEVEL_UNSPECIFIED &&
             rng.Bernoulli(kEnglishRequiredShare)) {
    v1::LanguageSkill* skill = offer.add_required_languages();
    skill->set_language("en");
    skill->set_level(occupation.useful_english_level);
  }
  offer.set_status(v1::OFFER_STATUS_OPEN);
  offer.set_title(
      absl::StrCat("Ausbildung ", occupation.title, " ", options.training_year));
  return offer;
}

}  // namespace

absl::Status GenerateCompaniesAndOffers(const DemoCohortOptions& options,
                                        const CohortRegion& region, DemoRandom& rng,
                                        DemoCohort* cohort) {
  int offers_left = options.offers;
  while (offers_left > 0) {
    const BusinessType& type = SampleBusinessType(rng);
    const int company_index = static_cast<int>(cohort->companies.size());
    cohort->companies.push_back(NewCompany(options, region, company_index, rng, type));
    const v1::Company& company = cohort->companies.back();

    int count = PickWeighted<int>(rng, absl::MakeConstSpan(kOffersPerCompany));
    count = std::min({count, offers_left, static_cast<int>(type.occupations.size())});
    std::vector<double> weights;
    for (const WeightedTitle& t : type.occupations) weights.push_back(t.weight);
    for (int k = 0; k < count; ++k) {
      const size_t pick = rng.WeightedIndex(weights);
      weights[pick] = 0;  // distinct occupations within one company
      const TrainingOccupation* occupation =
          FindTrainingOccupation(type.occupations[pick].title);
      if (occupation == nullptr) {
        return absl::InternalError(absl::StrCat("business type ", type.label,
                                                ": unknown occupation title \"",
                                                type.occupations[pick].title, "\""));
      }
      const int offer_index = static_cast<int>(cohort->offers.size());
      cohort->offers.push_back(NewOffer(options, offer_index, rng, company, *occupation));
      cohort->offer_company_index.push_back(company_index);
    }
    offers_left -= count;
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::clients
