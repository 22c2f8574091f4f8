; Koe's Windows installer (Inno Setup 6), wrapping dist\Koe\ as PyInstaller builds it
; from packaging/koe.spec. The release workflow runs, from the repository's root:
;
;     iscc /DVersion=0.1.0 packaging\windows\koe.iss
;
; and signs the Setup program it writes to dist\. Installed for the current user
; (no administrator rights needed, as on a shop's shared PC), into
; %LOCALAPPDATA%\Programs\Koe, with a Start-menu entry and an uninstaller. The user's
; workspace (surveys, answers) lives elsewhere and is never removed by the uninstaller.
; NOT RUN HERE: written and reviewed on Linux; see docs/packaging.md.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6E0A4C9B-7F0E-4E36-9C7B-2C1F5A1D0B3E}
AppName=Koe
AppVersion={#Version}
AppPublisher=Koe
DefaultDirName={autopf}\Koe
DefaultGroupName=Koe
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Koe-{#Version}-windows-setup
SetupIconFile=..\..\resources\koe.ico
UninstallDisplayIcon={app}\koe.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\LICENSE

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\Koe\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Koe"; Filename: "{app}\koe.exe"
Name: "{autodesktop}\Koe"; Filename: "{app}\koe.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\koe.exe"; Description: "{cm:LaunchProgram,Koe}"; Flags: nowait postinstall skipifsilent
