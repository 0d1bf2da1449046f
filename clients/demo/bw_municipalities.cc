#include "clients/demo/bw_municipalities.h"

namespace azubimatch::clients {

const std::vector<BwMunicipality>& BwMunicipalities() {
  // name, district, postal code, latitude, longitude, population
  static const auto* const kTable = new std::vector<BwMunicipality>{
      {"Stuttgart", "Stadtkreis Stuttgart", "70173", 48.776, 9.183, 633000},
      {"Mannheim", "Stadtkreis Mannheim", "68159", 49.488, 8.466, 315000},
      {"Karlsruhe", "Stadtkreis Karlsruhe", "76133", 49.009, 8.404, 307000},
      {"Freiburg im Breisgau", "Stadtkreis Freiburg", "79098", 47.995, 7.850, 237000},
      {"Heidelberg", "Stadtkreis Heidelberg", "69117", 49.410, 8.694, 160000},
      {"Ulm", "Stadtkreis Ulm", "89073", 48.398, 9.992, 128000},
      {"Heilbronn", "Stadtkreis Heilbronn", "74072", 49.142, 9.219, 128000},
      {"Pforzheim", "Stadtkreis Pforzheim", "75175", 48.892, 8.695, 127000},
      {"Reutlingen", "Landkreis Reutlingen", "72764", 48.491, 9.211, 117000},
      {"Esslingen am Neckar", "Landkreis Esslingen", "73728", 48.741, 9.308, 95000},
      {"Ludwigsburg", "Landkreis Ludwigsburg", "71634", 48.897, 9.192, 94000},
      {"Tübingen", "Landkreis Tübingen", "72070", 48.520, 9.054, 92000},
      {"Villingen-Schwenningen", "Schwarzwald-Baar-Kreis", "78050", 48.060, 8.459, 87000},
      {"Konstanz", "Landkreis Konstanz", "78462", 47.660, 9.176, 86000},
      {"Aalen", "Ostalbkreis", "73430", 48.837, 10.093, 68000},
      {"Sindelfingen", "Landkreis Böblingen", "71063", 48.713, 9.003, 65000},
      {"Schwäbisch Gmünd", "Ostalbkreis", "73525", 48.800, 9.798, 62000},
      {"Friedrichshafen", "Bodenseekreis", "88045", 47.654, 9.479, 62000},
      {"Offenburg", "Ortenaukreis", "77652", 48.472, 7.945, 61000},
      {"Göppingen", "Landkreis Göppingen", "73033", 48.703, 9.653, 58000},
      {"Baden-Baden", "Stadtkreis Baden-Baden", "76530", 48.761, 8.240, 57000},
      {"Waiblingen", "Rems-Murr-Kreis", "71332", 48.830, 9.317, 57000},
      {"Ravensburg", "Landkreis Ravensburg", "88212", 47.782, 9.612, 51000},
      {"Böblingen", "Landkreis Böblingen", "71032", 48.685, 9.012, 51000},
      {"Rastatt", "Landkreis Rastatt", "76437", 48.858, 8.203, 51000},
      {"Heidenheim an der Brenz", "Landkreis Heidenheim", "89518", 48.676, 10.152, 50000},
      {"Lörrach", "Landkreis Lörrach", "79539", 47.615, 7.661, 49000},
      {"Leonberg", "Landkreis Böblingen", "71229", 48.800, 9.015, 49000},
      {"Singen (Hohentwiel)", "Landkreis Konstanz", "78224", 47.760, 8.840, 48000},
      {"Lahr/Schwarzwald", "Ortenaukreis", "77933", 48.340, 7.870, 48000},
      {"Albstadt", "Zollernalbkreis", "72458", 48.212, 9.024, 46000},
      {"Fellbach", "Rems-Murr-Kreis", "70734", 48.810, 9.276, 46000},
      {"Filderstadt", "Landkreis Esslingen", "70794", 48.667, 9.217, 46000},
      {"Bruchsal", "Landkreis Karlsruhe", "76646", 49.124, 8.598, 46000},
      {"Weinheim", "Rhein-Neckar-Kreis", "69469", 49.549, 8.667, 46000},
      {"Rottenburg am Neckar", "Landkreis Tübingen", "72108", 48.477, 8.934, 45000},
      {"Bietigheim-Bissingen", "Landkreis Ludwigsburg", "74321", 48.948, 9.132, 44000},
      {"Schwäbisch Hall", "Landkreis Schwäbisch Hall", "74523", 49.112, 9.738, 42000},
      {"Kirchheim unter Teck", "Landkreis Esslingen", "73230", 48.648, 9.452, 41000},
      {"Nürtingen", "Landkreis Esslingen", "72622", 48.627, 9.336, 41000},
      {"Leinfelden-Echterdingen", "Landkreis Esslingen", "70771", 48.693, 9.143, 40000},
      {"Schorndorf", "Rems-Murr-Kreis", "73614", 48.805, 9.528, 40000},
      {"Ostfildern", "Landkreis Esslingen", "73760", 48.723, 9.263, 40000},
      {"Ettlingen", "Landkreis Karlsruhe", "76275", 48.941, 8.408, 40000},
      {"Backnang", "Rems-Murr-Kreis", "71522", 48.946, 9.431, 38000},
      {"Kehl", "Ortenaukreis", "77694", 48.573, 7.815, 37000},
      {"Sinsheim", "Rhein-Neckar-Kreis", "74889", 49.253, 8.879, 36000},
      {"Tuttlingen", "Landkreis Tuttlingen", "78532", 47.985, 8.818, 36000},
      {"Balingen", "Zollernalbkreis", "72336", 48.275, 8.855, 35000},
      {"Crailsheim", "Landkreis Schwäbisch Hall", "74564", 49.135, 10.071, 35000},
      {"Biberach an der Riß", "Landkreis Biberach", "88400", 48.098, 9.789, 34000},
      {"Rheinfelden (Baden)", "Landkreis Lörrach", "79618", 47.561, 7.787, 34000},
      {"Kornwestheim", "Landkreis Ludwigsburg", "70806", 48.862, 9.185, 34000},
      {"Radolfzell am Bodensee", "Landkreis Konstanz", "78315", 47.737, 8.970, 32000},
      {"Herrenberg", "Landkreis Böblingen", "71083", 48.597, 8.871, 32000},
      {"Weil am Rhein", "Landkreis Lörrach", "79576", 47.595, 7.611, 31000},
      {"Bretten", "Landkreis Karlsruhe", "75015", 49.036, 8.706, 30000},
      {"Gaggenau", "Landkreis Rastatt", "76571", 48.804, 8.319, 30000},
      {"Bühl", "Landkreis Rastatt", "77815", 48.695, 8.135, 30000},
      {"Vaihingen an der Enz", "Landkreis Ludwigsburg", "71665", 48.933, 8.956, 29000},
      {"Emmendingen", "Landkreis Emmendingen", "79312", 48.121, 7.849, 28000},
      {"Winnenden", "Rems-Murr-Kreis", "71364", 48.876, 9.398, 28000},
      {"Geislingen an der Steige", "Landkreis Göppingen", "73312", 48.624, 9.831, 28000},
      {"Neckarsulm", "Landkreis Heilbronn", "74172", 49.192, 9.225, 27000},
      {"Wiesloch", "Rhein-Neckar-Kreis", "69168", 49.294, 8.698, 27000},
      {"Leimen", "Rhein-Neckar-Kreis", "69181", 49.348, 8.691, 27000},
      {"Ehingen (Donau)", "Alb-Donau-Kreis", "89584", 48.283, 9.724, 27000},
      {"Achern", "Ortenaukreis", "77855", 48.631, 8.074, 26000},
      {"Mühlacker", "Enzkreis", "75417", 48.948, 8.839, 26000},
      {"Rottweil", "Landkreis Rottweil", "78628", 48.168, 8.625, 26000},
      {"Ellwangen (Jagst)", "Ostalbkreis", "73479", 48.962, 10.131, 25000},
      {"Weingarten", "Landkreis Ravensburg", "88250", 47.809, 9.644, 25000},
      {"Öhringen", "Hohenlohekreis", "74613", 49.200, 9.502, 25000},
      {"Bad Mergentheim", "Main-Tauber-Kreis", "97980", 49.492, 9.774, 24000},
      {"Calw", "Landkreis Calw", "75365", 48.715, 8.740, 24000},
      {"Waldshut-Tiengen", "Landkreis Waldshut", "79761", 47.623, 8.214, 24000},
      {"Freudenstadt", "Landkreis Freudenstadt", "72250", 48.463, 8.411, 24000},
      {"Mosbach", "Neckar-Odenwald-Kreis", "74821", 49.353, 9.151, 23000},
      {"Nagold", "Landkreis Calw", "72202", 48.552, 8.726, 23000},
      {"Wertheim", "Main-Tauber-Kreis", "97877", 49.759, 9.518, 23000},
  };
  return *kTable;
}

const BwMunicipality* FindBwMunicipality(absl::string_view name) {
  for (const BwMunicipality& m : BwMunicipalities()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace azubimatch::clients
