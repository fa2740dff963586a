; Inno Setup script for the Windows installer of Portage Desktop.
; Built by packaging\windows\build_installer.py, which passes what changes from build to build:
;   iscc /DAppVersion=1.2.3 /DAppVersionNumbers=1.2.3.0 /DSourceDir=dist\portage-desktop
;        /DIconFile=build\icons\portage-desktop.ico /DLicenseFile=LICENSE /DOutputDir=dist
;
; Why Inno Setup rather than NSIS or an MSI: nursery laptops are often managed by someone else, so
; the installer must work without administrator rights. Inno Setup installs per user
; (PrivilegesRequired=lowest, into %LOCALAPPDATA%\Programs) with a few lines of declarations, is
; free software, needs nothing but its own compiler, and recognises an older copy by AppId so an
; upgrade installs over it. NSIS needs hand-written logic for the same; an MSI (WiX) needs the
; .NET toolchain and is awkward per user, which matters to IT departments, not to childminders.
;
; The records are never touched: the app keeps them in %LOCALAPPDATA%\PortageDesktop (see
; portage_desktop/paths.py), outside {app}. There is deliberately no [UninstallDelete] section:
; uninstalling removes only the files this script installed.

#ifndef AppVersion
  #error Pass the version, for example: iscc /DAppVersion=1.2.3 (build_installer.py does this)
#endif
#ifndef AppVersionNumbers
  #define AppVersionNumbers AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\portage-desktop"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\portage-desktop.ico"
#endif
#ifndef LicenseFile
  #define LicenseFile "..\..\LICENSE"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "Portage Desktop"
#define AppExe "portage-desktop.exe"

[Setup]
; Never change the AppId: it is how an upgrade finds the copy it replaces.
AppId={{8C6E1B0E-4D0A-4F3B-9A57-2E6F1C0B7D42}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Portage Desktop contributors
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
LicenseFile={#LicenseFile}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename=PortageDesktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Ask a running copy to close before replacing its files, and start it again afterwards.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's own folder whole, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Portage records, plans and reviews"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
