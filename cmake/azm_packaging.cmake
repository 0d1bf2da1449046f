# Installation and the Debian package (CPack).
#
#   cmake --build build && cd build && cpack -G DEB
#
# gives azubimatch_<version>_<arch>.deb with /usr/bin/matchd, /usr/bin/matchctl, the
# systemd unit /lib/systemd/system/matchd.service, the example configuration
# /etc/azubimatch/matchd.toml (a conffile: local edits survive upgrades) and the
# READMEs in /usr/share/doc/azubimatch. Depends are computed by dpkg-shlibdeps
# (dpkg-dev) from the libraries the binaries link. tests/deploy checks the package.

if(NOT AZM_BUILD_SERVICE)
  return()
endif()

include(GNUInstallDirs)
# cpack installs what is built instead of building everything first: the package
# needs only matchd and matchctl (cmake --build build --target matchd matchctl).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

install(TARGETS matchd matchctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT azubimatch)
# Debian 12 keeps packaged units in /lib/systemd/system (the same folder as
# /usr/lib/systemd/system on merged-/usr systems).
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/matchd.service
        DESTINATION /lib/systemd/system COMPONENT azubimatch)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/matchd.toml
        DESTINATION /etc/azubimatch COMPONENT azubimatch)
install(FILES ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT azubimatch)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME README.deploy.md COMPONENT azubimatch)

# /etc files are conffiles: dpkg keeps local edits on upgrade.
file(WRITE ${PROJECT_BINARY_DIR}/debian/conffiles "/etc/azubimatch/matchd.toml\n")
foreach(script postinst prerm postrm)
  file(COPY ${PROJECT_SOURCE_DIR}/deploy/debian/${script}
       DESTINATION ${PROJECT_BINARY_DIR}/debian
       FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                        WORLD_READ WORLD_EXECUTE)
endforeach()

set(CPACK_PACKAGE_NAME azubimatch)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "azubimatch")
set(CPACK_PACKAGE_CONTACT "azubimatch maintainers <azubimatch@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "matching service for apprenticeships: matchd (gRPC server) and matchctl")
set(CPACK_PACKAGE_DESCRIPTION
    "matchd keeps companies, training offers and candidate profiles (RocksDB), scores\n"
    "and explains candidate-offer pairs and computes cohort assignments; matchctl is\n"
    "its command-line client. Runs as the systemd unit matchd.service.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_BINARY_DIR}/debian/conffiles
    ${PROJECT_BINARY_DIR}/debian/postinst
    ${PROJECT_BINARY_DIR}/debian/prerm
    ${PROJECT_BINARY_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
