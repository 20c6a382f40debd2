<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_XA" sourcelanguage="en_GB">
    <context>
        <name>AnalysisPage</name>
        <message>
            <source>Analysis (data manager)</source>
            <translation>⟦Àñàļýšîš (đàţà ɱàñàĝéŕ) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>On the data manager's machine, offline: transcript drafts of every take in an analysis folder (one the study store was unpacked into) with a local Whisper model, and a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder.</source>
            <translation>⟦Öñ ţĥé đàţà ɱàñàĝéŕ'š ɱàçĥîñé, öƒƒļîñé: ţŕàñšçŕîþţ đŕàƒţš öƒ éṽéŕý ţàķé îñ àñ àñàļýšîš ƒöļđéŕ (öñé ţĥé šţûđý šţöŕé ŵàš ûñþàçķéđ îñţö) ŵîţĥ à ļöçàļ Ŵĥîšþéŕ ɱöđéļ, àñđ à ŔÉƑÎ-ǪĐÀ þŕöĵéçţ ƒöŕ ÑṼîṽö, ÀŢĻÀŠ.ţî, ṀÀẊǪĐÀ öŕ ǪûàļÇöđéŕ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Analysis folder</source>
            <translation>⟦Àñàļýšîš ƒöļđéŕ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Model folder</source>
            <translation>⟦Ṁöđéļ ƒöļđéŕ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Project file</source>
            <translation>⟦Þŕöĵéçţ ƒîļé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Analysis folder</source>
            <translation>⟦&amp;Àñàļýšîš ƒöļđéŕ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>&amp;Model folder</source>
            <translation>⟦&amp;Ṁöđéļ ƒöļđéŕ ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Transcribe</source>
            <translation>⟦&amp;Ţŕàñšçŕîƀé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>⟦&amp;Éẋþöŕţ ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>⟦&amp;Çàñçéļ ŵîð⟧</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>⟦Đéţàîļš ŵîð⟧</translation>
        </message>
        <message>
            <source>Study store: verify and unpack</source>
            <translation>⟦Šţûđý šţöŕé: ṽéŕîƒý àñđ ûñþàçķ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Bundles are read only from the laptops on your trusted list (trusted-devices.json beside the study key). Every bundle is checked before anything is written.</source>
            <translation>⟦Ɓûñđļéš àŕé ŕéàđ öñļý ƒŕöɱ ţĥé ļàþţöþš öñ ýöûŕ ţŕûšţéđ ļîšţ (ţŕûšţéđ-đéṽîçéš.ĵšöñ ƀéšîđé ţĥé šţûđý ķéý). Éṽéŕý ƀûñđļé îš çĥéçķéđ ƀéƒöŕé àñýţĥîñĝ îš ŵŕîţţéñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Saved store</source>
            <translation>⟦Šàṽéđ šţöŕé ŵîðé⟧</translation>
        </message>
        <message>
            <source>None: the store typed in below</source>
            <translation>⟦Ñöñé: ţĥé šţöŕé ţýþéđ îñ ƀéļöŵ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>dm-signing.key, if not beside the key file</source>
            <translation>⟦đɱ-šîĝñîñĝ.ķéý, îƒ ñöţ ƀéšîđé ţĥé ķéý ƒîļé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>known_hosts file that lists the server's key</source>
            <translation>⟦ķñöŵñ_ĥöšţš ƒîļé ţĥàţ ļîšţš ţĥé šéŕṽéŕ'š ķéý ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Accept a new host key (its fingerprint is shown)</source>
            <translation>⟦Àççéþţ à ñéŵ ĥöšţ ķéý (îţš ƒîñĝéŕþŕîñţ îš šĥöŵñ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Trust the SFTP server's key as it is now: only when there is no other way to check it</source>
            <translation>⟦Ţŕûšţ ţĥé ŠƑŢÞ šéŕṽéŕ'š ķéý àš îţ îš ñöŵ: öñļý ŵĥéñ ţĥéŕé îš ñö öţĥéŕ ŵàý ţö çĥéçķ îţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>SSH private key file, if the SFTP store takes one</source>
            <translation>⟦ŠŠĤ þŕîṽàţé ķéý ƒîļé, îƒ ţĥé ŠƑŢÞ šţöŕé ţàķéš öñé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>bucket/prefix, instead of an s3:// URL</source>
            <translation>⟦ƀûçķéţ/þŕéƒîẋ, îñšţéàđ öƒ àñ š3:// ÛŔĻ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>PEM file of the university's certificate authority (https)</source>
            <translation>⟦ÞÉṀ ƒîļé öƒ ţĥé ûñîṽéŕšîţý'š çéŕţîƒîçàţé àûţĥöŕîţý (ĥţţþš) ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>This is the identity store (the key is the identity key)</source>
            <translation>⟦Ţĥîš îš ţĥé îđéñţîţý šţöŕé (ţĥé ķéý îš ţĥé îđéñţîţý ķéý) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Store &amp;URL</source>
            <translation>⟦Šţöŕé &amp;ÛŔĻ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Study &amp;key file</source>
            <translation>⟦Šţûđý &amp;ķéý ƒîļé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>&amp;Signing key (optional)</source>
            <translation>⟦&amp;Šîĝñîñĝ ķéý (öþţîöñàļ) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>SFTP &amp;host key</source>
            <translation>⟦ŠƑŢÞ &amp;ĥöšţ ķéý ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>SSH ke&amp;y file (SFTP)</source>
            <translation>⟦ŠŠĤ ķé&amp;ý ƒîļé (ŠƑŢÞ) ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>S3 &amp;bucket</source>
            <translation>⟦Š3 &amp;ƀûçķéţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>S3 re&amp;gion</source>
            <translation>⟦Š3 ŕé&amp;ĝîöñ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Pass&amp;word or secret key</source>
            <translation>⟦Þàšš&amp;ŵöŕđ öŕ šéçŕéţ ķéý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Unpack into &amp;folder</source>
            <translation>⟦Ûñþàçķ îñţö &amp;ƒöļđéŕ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Verify</source>
            <translation>⟦&amp;Ṽéŕîƒý ŵîð⟧</translation>
        </message>
        <message>
            <source>Un&amp;pack into folder</source>
            <translation>⟦Ûñ&amp;þàçķ îñţö ƒöļđéŕ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Cance&amp;l</source>
            <translation>⟦Çàñçé&amp;ļ ŵîð⟧</translation>
        </message>
        <message>
            <source>Store progress</source>
            <translation>⟦Šţöŕé þŕöĝŕéšš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Store report</source>
            <translation>⟦Šţöŕé ŕéþöŕţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Signer to trust</source>
            <translation>⟦Šîĝñéŕ ţö ţŕûšţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>name, e.g. laptop 3</source>
            <translation>⟦ñàɱé, é.ĝ. ļàþţöþ 3 ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Laptop name</source>
            <translation>⟦Ļàþţöþ ñàɱé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Project file (.qdp&amp;x)</source>
            <translation>⟦Þŕöĵéçţ ƒîļé (.ǫđþ&amp;ẋ) ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Browse for the analysis folder</source>
            <translation>⟦Ɓŕöŵšé ƒöŕ ţĥé àñàļýšîš ƒöļđéŕ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Browse for the model folder</source>
            <translation>⟦Ɓŕöŵšé ƒöŕ ţĥé ɱöđéļ ƒöļđéŕ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>REFI-QDA project (*.qdpx)</source>
            <translation>⟦ŔÉƑÎ-ǪĐÀ þŕöĵéçţ (*.ǫđþẋ) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Browse for the project file</source>
            <translation>⟦Ɓŕöŵšé ƒöŕ ţĥé þŕöĵéçţ ƒîļé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Save&amp;d store</source>
            <translation>⟦Šàṽé&amp;đ šţöŕé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Store URL</source>
            <translation>⟦Šţöŕé ÛŔĻ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Study key file</source>
            <translation>⟦Šţûđý ķéý ƒîļé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Signing key file</source>
            <translation>⟦Šîĝñîñĝ ķéý ƒîļé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>SFTP host key fingerprint</source>
            <translation>⟦ŠƑŢÞ ĥöšţ ķéý ƒîñĝéŕþŕîñţ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>SFTP known_hosts file</source>
            <translation>⟦ŠƑŢÞ ķñöŵñ_ĥöšţš ƒîļé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>SSH key file</source>
            <translation>⟦ŠŠĤ ķéý ƒîļé ŵîðé⟧</translation>
        </message>
        <message>
            <source>S3 bucket</source>
            <translation>⟦Š3 ƀûçķéţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>S3 endpoint</source>
            <translation>⟦Š3 éñđþöîñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>S3 region</source>
            <translation>⟦Š3 ŕéĝîöñ ŵîðé⟧</translation>
        </message>
        <message>
            <source>CA bundle file</source>
            <translation>⟦ÇÀ ƀûñđļé ƒîļé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>User name or S3 access key</source>
            <translation>⟦Ûšéŕ ñàɱé öŕ Š3 àççéšš ķéý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Store password or secret key</source>
            <translation>⟦Šţöŕé þàššŵöŕđ öŕ šéçŕéţ ķéý ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Folder to unpack into</source>
            <translation>⟦Ƒöļđéŕ ţö ûñþàçķ îñţö ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Browse for the study key file</source>
            <translation>⟦Ɓŕöŵšé ƒöŕ ţĥé šţûđý ķéý ƒîļé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Browse for the signing key file</source>
            <translation>⟦Ɓŕöŵšé ƒöŕ ţĥé šîĝñîñĝ ķéý ƒîļé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Browse for the SFTP known_hosts file</source>
            <translation>⟦Ɓŕöŵšé ƒöŕ ţĥé ŠƑŢÞ ķñöŵñ_ĥöšţš ƒîļé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>SFTP kn&amp;own_hosts file</source>
            <translation>⟦ŠƑŢÞ ķñ&amp;öŵñ_ĥöšţš ƒîļé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Browse for the SSH key file</source>
            <translation>⟦Ɓŕöŵšé ƒöŕ ţĥé ŠŠĤ ķéý ƒîļé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>S&amp;3 endpoint</source>
            <translation>⟦Š&amp;3 éñđþöîñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>PEM files (*.pem *.crt);;All files (*)</source>
            <translation>⟦ÞÉṀ ƒîļéš (*.þéɱ *.çŕţ);;Àļļ ƒîļéš (*) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Browse for the CA bundle file</source>
            <translation>⟦Ɓŕöŵšé ƒöŕ ţĥé ÇÀ ƀûñđļé ƒîļé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>CA bu&amp;ndle (https)</source>
            <translation>⟦ÇÀ ƀû&amp;ñđļé (ĥţţþš) ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Use&amp;r name / S3 access key</source>
            <translation>⟦Ûšé&amp;ŕ ñàɱé / Š3 àççéšš ķéý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Browse for the folder to unpack into</source>
            <translation>⟦Ɓŕöŵšé ƒöŕ ţĥé ƒöļđéŕ ţö ûñþàçķ îñţö ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Trust th&amp;is laptop</source>
            <translation>⟦Ţŕûšţ ţĥ&amp;îš ļàþţöþ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Archive deposit (from the consents unpacked)</source>
            <translation>⟦Àŕçĥîṽé đéþöšîţ (ƒŕöɱ ţĥé çöñšéñţš ûñþàçķéđ) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Archive deposit, per participant</source>
            <translation>⟦Àŕçĥîṽé đéþöšîţ, þéŕ þàŕţîçîþàñţ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Participant</source>
            <translation>⟦Þàŕţîçîþàñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Archiving</source>
            <translation>⟦Àŕçĥîṽîñĝ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Deposit</source>
            <translation>⟦Đéþöšîţ ŵîð⟧</translation>
        </message>
        <message>
            <source>Session folders</source>
            <translation>⟦Šéššîöñ ƒöļđéŕš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Browse...</source>
            <translation>⟦Ɓŕöŵšé ŵîðé...⟧</translation>
        </message>
        <message>
            <source>SSH key</source>
            <translation>⟦ŠŠĤ ķéý ŵîð⟧</translation>
        </message>
        <message>
            <source>SSH key passphrase</source>
            <translation>⟦ŠŠĤ ķéý þàššþĥŕàšé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>password</source>
            <translation>⟦þàššŵöŕđ ŵîð⟧</translation>
        </message>
        <message>
            <source>S3 secret key</source>
            <translation>⟦Š3 šéçŕéţ ķéý ŵîðé⟧</translation>
        </message>
        <message>
            <source>Opened with its saved settings and secrets ({0}).</source>
            <translation>⟦Öþéñéđ ŵîţĥ îţš šàṽéđ šéţţîñĝš àñđ šéçŕéţš ({0}). ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>none needed</source>
            <translation>⟦ñöñé ñééđéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>SFTP host key pinned: {0}</source>
            <translation>⟦ŠƑŢÞ ĥöšţ ķéý þîññéđ: {0} ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Give either the store URL or an S3 bucket, not both.</source>
            <translation>⟦Ĝîṽé éîţĥéŕ ţĥé šţöŕé ÛŔĻ öŕ àñ Š3 ƀûçķéţ, ñöţ ƀöţĥ. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Fill in the store URL, the study key file and the folder to unpack into first.</source>
            <translation>⟦Ƒîļļ îñ ţĥé šţöŕé ÛŔĻ, ţĥé šţûđý ķéý ƒîļé àñđ ţĥé ƒöļđéŕ ţö ûñþàçķ îñţö ƒîŕšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Fill in the store URL and the study key file first.</source>
            <translation>⟦Ƒîļļ îñ ţĥé šţöŕé ÛŔĻ àñđ ţĥé šţûđý ķéý ƒîļé ƒîŕšţ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>There is no study key file at %1. Give the path of the study's key file (study.key).</source>
            <translation>⟦Ţĥéŕé îš ñö šţûđý ķéý ƒîļé àţ %1. Ĝîṽé ţĥé þàţĥ öƒ ţĥé šţûđý'š ķéý ƒîļé (šţûđý.ķéý). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Cancelled; the store was not fully checked. Verify again to check it all.</source>
            <translation>⟦Çàñçéļļéđ; ţĥé šţöŕé ŵàš ñöţ ƒûļļý çĥéçķéđ. Ṽéŕîƒý àĝàîñ ţö çĥéçķ îţ àļļ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Verifying the store...</source>
            <translation>⟦Ṽéŕîƒýîñĝ ţĥé šţöŕé ŵîðé ŵîðé...⟧</translation>
        </message>
        <message>
            <source>Cancelled; every file already written is whole. Unpack into the same folder again to go on.</source>
            <translation>⟦Çàñçéļļéđ; éṽéŕý ƒîļé àļŕéàđý ŵŕîţţéñ îš ŵĥöļé. Ûñþàçķ îñţö ţĥé šàɱé ƒöļđéŕ àĝàîñ ţö ĝö öñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Unpacking the store...</source>
            <translation>⟦Ûñþàçķîñĝ ţĥé šţöŕé ŵîðé ŵîðé...⟧</translation>
        </message>
        <message>
            <source> -- problems found: see the report below.</source>
            <translation>⟦ -- þŕöƀļéɱš ƒöûñđ: šéé ţĥé ŕéþöŕţ ƀéļöŵ. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>agreed</source>
            <translation>⟦àĝŕééđ ŵî⟧</translation>
        </message>
        <message>
            <source>declined</source>
            <translation>⟦đéçļîñéđ ŵîð⟧</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>⟦ñöţ àþþļîçàƀļé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>not asked</source>
            <translation>⟦ñöţ àšķéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>may be archived</source>
            <translation>⟦ɱàý ƀé àŕçĥîṽéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>leave out: withdrew</source>
            <translation>⟦ļéàṽé öûţ: ŵîţĥđŕéŵ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>leave out</source>
            <translation>⟦ļéàṽé öûţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>No participant's material was unpacked.</source>
            <translation>⟦Ñö þàŕţîçîþàñţ'š ɱàţéŕîàļ ŵàš ûñþàçķéđ. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Leave out of an archive deposit: {0}</source>
            <translation>⟦Ļéàṽé öûţ öƒ àñ àŕçĥîṽé đéþöšîţ: {0} ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Every participant unpacked may go into an archive deposit.</source>
            <translation>⟦Éṽéŕý þàŕţîçîþàñţ ûñþàçķéđ ɱàý ĝö îñţö àñ àŕçĥîṽé đéþöšîţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The archive status could not be read: {0}</source>
            <translation>⟦Ţĥé àŕçĥîṽé šţàţûš çöûļđ ñöţ ƀé ŕéàđ: {0} ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>No trusted-laptops list at {0}: nothing was checked or unpacked. Anyone who can write to the store can sign a bundle, so bundles are read only from laptops you trust.</source>
            <translation>⟦Ñö ţŕûšţéđ-ļàþţöþš ļîšţ àţ {0}: ñöţĥîñĝ ŵàš çĥéçķéđ öŕ ûñþàçķéđ. Àñýöñé ŵĥö çàñ ŵŕîţé ţö ţĥé šţöŕé çàñ šîĝñ à ƀûñđļé, šö ƀûñđļéš àŕé ŕéàđ öñļý ƒŕöɱ ļàþţöþš ýöû ţŕûšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>signer {0}: {1} bundle(s)</source>
            <translation>⟦šîĝñéŕ {0}: {1} ƀûñđļé(š) ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>No signed bundle was found on the store.</source>
            <translation>⟦Ñö šîĝñéđ ƀûñđļé ŵàš ƒöûñđ öñ ţĥé šţöŕé. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>To trust a laptop: its Sync page shows its fingerprint. If it is one of the fingerprints above, pick it below, give the laptop a name and press Trust this laptop. Then verify again.</source>
            <translation>⟦Ţö ţŕûšţ à ļàþţöþ: îţš Šýñç þàĝé šĥöŵš îţš ƒîñĝéŕþŕîñţ. Îƒ îţ îš öñé öƒ ţĥé ƒîñĝéŕþŕîñţš àƀöṽé, þîçķ îţ ƀéļöŵ, ĝîṽé ţĥé ļàþţöþ à ñàɱé àñđ þŕéšš Ţŕûšţ ţĥîš ļàþţöþ. Ţĥéñ ṽéŕîƒý àĝàîñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Trusted device {0} ({1}); the list now has {2} device(s).</source>
            <translation>⟦Ţŕûšţéđ đéṽîçé {0} ({1}); ţĥé ļîšţ ñöŵ ĥàš {2} đéṽîçé(š). ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Made the data manager signing key {0}; keep it with study.key.</source>
            <translation>⟦Ṁàđé ţĥé đàţà ɱàñàĝéŕ šîĝñîñĝ ķéý {0}; ķééþ îţ ŵîţĥ šţûđý.ķéý. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Verify again to check its bundles.</source>
            <translation>⟦Ṽéŕîƒý àĝàîñ ţö çĥéçķ îţš ƀûñđļéš. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Fill in the folders first.</source>
            <translation>⟦Ƒîļļ îñ ţĥé ƒöļđéŕš ƒîŕšţ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Cancelled; takes already done are kept. Transcribe again to go on.</source>
            <translation>⟦Çàñçéļļéđ; ţàķéš àļŕéàđý đöñé àŕé ķéþţ. Ţŕàñšçŕîƀé àĝàîñ ţö ĝö öñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Transcribing...</source>
            <translation>⟦Ţŕàñšçŕîƀîñĝ ŵîðé ŵ...⟧</translation>
        </message>
        <message>
            <source>Cancelled; the project file was not written (an earlier one is kept).</source>
            <translation>⟦Çàñçéļļéđ; ţĥé þŕöĵéçţ ƒîļé ŵàš ñöţ ŵŕîţţéñ (àñ éàŕļîéŕ öñé îš ķéþţ). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Exporting...</source>
            <translation>⟦Éẋþöŕţîñĝ ŵîðé...⟧</translation>
        </message>
        <message>
            <source>Cancelling after the current piece...</source>
            <translation>⟦Çàñçéļļîñĝ àƒţéŕ ţĥé çûŕŕéñţ þîéçé ŵîðé ŵîðé ŵîðé...⟧</translation>
        </message>
        <message>
            <source>Cancelling after the current segment...</source>
            <translation>⟦Çàñçéļļîñĝ àƒţéŕ ţĥé çûŕŕéñţ šéĝɱéñţ ŵîðé ŵîðé ŵîðé ŵ...⟧</translation>
        </message>
        <message>
            <source>Take {0} of {1} ({2}): {3}%</source>
            <translation>⟦Ţàķé {0} öƒ {1} ({2}): {3}% ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Transcribed {0} take(s); {1} already done; {2} skipped; {3} failed.</source>
            <translation>⟦Ţŕàñšçŕîƀéđ {0} ţàķé(š); {1} àļŕéàđý đöñé; {2} šķîþþéđ; {3} ƒàîļéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Wrote {0}: {1} case(s), {2} audio source(s), {3} transcript(s), {4} code(s).</source>
            <translation>⟦Ŵŕöţé {0}: {1} çàšé(š), {2} àûđîö šöûŕçé(š), {3} ţŕàñšçŕîþţ(š), {4} çöđé(š). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{0}; then type it into SFTP host key ({1}).</source>
            <translation>⟦{0}; ţĥéñ ţýþé îţ îñţö ŠƑŢÞ ĥöšţ ķéý ({1}). ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Unexpected error ({0}); nothing done was lost.</source>
            <translation>⟦Ûñéẋþéçţéđ éŕŕöŕ ({0}); ñöţĥîñĝ đöñé ŵàš ļöšţ. ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
    </context>
    <context>
        <name>ChecklistView</name>
        <message>
            <source>Readiness checklist</source>
            <translation>⟦Ŕéàđîñéšš çĥéçķļîšţ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Ready: everything on the checklist is done.</source>
            <translation>⟦Ŕéàđý: éṽéŕýţĥîñĝ öñ ţĥé çĥéçķļîšţ îš đöñé. ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message numerus="yes">
            <source>Not ready yet: %n item(s) to do.</source>
            <translation>
                <numerusform>⟦Ñöţ ŕéàđý ýéţ: %n îţéɱ(š) ţö đö. ŵîðé ŵîðé ŵî⟧</numerusform>
                <numerusform>⟦Ñöţ ŕéàđý ýéţ: %n îţéɱ(š) ţö đö. ŵîðé ŵîðé ŵî⟧</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CloseOutForm</name>
        <message>
            <source>Close-out</source>
            <translation>⟦Çļöšé-öûţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Wellbeing check</source>
            <translation>⟦Ŵéļļƀéîñĝ çĥéçķ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>How is the participant feeling now? Do they feel safe?</source>
            <translation>⟦Ĥöŵ îš ţĥé þàŕţîçîþàñţ ƒééļîñĝ ñöŵ? Đö ţĥéý ƒééļ šàƒé? ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Support list given</source>
            <translation>⟦Šûþþöŕţ ļîšţ ĝîṽéñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Thank-you voucher</source>
            <translation>⟦Ţĥàñķ-ýöû ṽöûçĥéŕ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Voucher given</source>
            <translation>⟦Ṽöûçĥéŕ ĝîṽéñ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Voucher for</source>
            <translation>⟦Ṽöûçĥéŕ ƒöŕ ŵîðé⟧</translation>
        </message>
        <message>
            <source>For</source>
            <translation>⟦Ƒöŕ ŵî⟧</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>⟦Ţýþé ŵî⟧</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>⟦Ṽàļûé ŵî⟧</translation>
        </message>
        <message>
            <source>Voucher serial</source>
            <translation>⟦Ṽöûçĥéŕ šéŕîàļ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>⟦Šéŕîàļ ŵî⟧</translation>
        </message>
        <message>
            <source>Given although the session ended early</source>
            <translation>⟦Ĝîṽéñ àļţĥöûĝĥ ţĥé šéššîöñ éñđéđ éàŕļý ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Add voucher</source>
            <translation>⟦Àđđ ṽöûçĥéŕ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Add this voucher to the list and enter another</source>
            <translation>⟦Àđđ ţĥîš ṽöûçĥéŕ ţö ţĥé ļîšţ àñđ éñţéŕ àñöţĥéŕ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Remove voucher</source>
            <translation>⟦Ŕéɱöṽé ṽöûçĥéŕ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Vouchers to save</source>
            <translation>⟦Ṽöûçĥéŕš ţö šàṽé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>⟦Ñöţéš ŵî⟧</translation>
        </message>
        <message>
            <source>Field notes</source>
            <translation>⟦Ƒîéļđ ñöţéš ŵîðé⟧</translation>
        </message>
        <message>
            <source>Field notes: setting, interruptions, what stood out</source>
            <translation>⟦Ƒîéļđ ñöţéš: šéţţîñĝ, îñţéŕŕûþţîöñš, ŵĥàţ šţööđ öûţ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Reflexive note</source>
            <translation>⟦Ŕéƒļéẋîṽé ñöţé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Reflexive note: your own reactions and assumptions</source>
            <translation>⟦Ŕéƒļéẋîṽé ñöţé: ýöûŕ öŵñ ŕéàçţîöñš àñđ àššûɱþţîöñš ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Follow-up tasks</source>
            <translation>⟦Ƒöļļöŵ-ûþ ţàšķš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>What to do (no personal details)</source>
            <translation>⟦Ŵĥàţ ţö đö (ñö þéŕšöñàļ đéţàîļš) ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Follow-up task</source>
            <translation>⟦Ƒöļļöŵ-ûþ ţàšķ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Follow-up task due</source>
            <translation>⟦Ƒöļļöŵ-ûþ ţàšķ đûé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Add task</source>
            <translation>⟦Àđđ ţàšķ ŵîð⟧</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>⟦Šàṽé ŵî⟧</translation>
        </message>
        <message>
            <source>Complete session</source>
            <translation>⟦Çöɱþļéţé šéššîöñ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Back to the study home</source>
            <translation>⟦Ɓàçķ ţö ţĥé šţûđý ĥöɱé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>⟦%1: %2 ŵî⟧</translation>
        </message>
        <message>
            <source>The session ended early. The voucher is still given.</source>
            <translation>⟦Ţĥé šéššîöñ éñđéđ éàŕļý. Ţĥé ṽöûçĥéŕ îš šţîļļ ĝîṽéñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Reason recorded: %1</source>
            <translation>⟦Ŕéàšöñ ŕéçöŕđéđ: %1 ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Enter the voucher's serial, or untick "Voucher given".</source>
            <translation>⟦Éñţéŕ ţĥé ṽöûçĥéŕ'š šéŕîàļ, öŕ ûñţîçķ "Ṽöûçĥéŕ ĝîṽéñ". ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Stored as %1</source>
            <translation>⟦Šţöŕéđ àš %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>Session completed and queued for sync.</source>
            <translation>⟦Šéššîöñ çöɱþļéţéđ àñđ ǫûéûéđ ƒöŕ šýñç. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Close-out saved.</source>
            <translation>⟦Çļöšé-öûţ šàṽéđ. ŵîðé ŵ⟧</translation>
        </message>
    </context>
    <context>
        <name>Conditions</name>
        <message>
            <source> or </source>
            <translation>⟦ öŕ  ŵî⟧</translation>
        </message>
        <message>
            <source>{attribute} is {values}</source>
            <translation>⟦{attribute} îš {values} ŵî⟧</translation>
        </message>
        <message>
            <source>in the group {groups}</source>
            <translation>⟦îñ ţĥé ĝŕöûþ {groups} ŵîðé⟧</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>⟦ýéš ŵî⟧</translation>
        </message>
        <message>
            <source>no</source>
            <translation>⟦ñö ŵî⟧</translation>
        </message>
        <message>
            <source>statement {statement} is answered {answer}</source>
            <translation>⟦šţàţéɱéñţ {statement} îš àñšŵéŕéđ {answer} ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>; </source>
            <translation>⟦;  ŵî⟧</translation>
        </message>
        <message>
            <source>applies only where {conditions}</source>
            <translation>⟦àþþļîéš öñļý ŵĥéŕé {conditions} ŵîðé ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>Consent</name>
        <message>
            <source>a parent or guardian</source>
            <translation>⟦à þàŕéñţ öŕ ĝûàŕđîàñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>a consultee</source>
            <translation>⟦à çöñšûļţéé ŵîðé⟧</translation>
        </message>
        <message>
            <source>a witness</source>
            <translation>⟦à ŵîţñéšš ŵîðé⟧</translation>
        </message>
        <message>
            <source>an interpreter</source>
            <translation>⟦àñ îñţéŕþŕéţéŕ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{party} ('{form}')</source>
            <translation>⟦{party} ('{form}') ŵî⟧</translation>
        </message>
        <message>
            <source> while {participant}'s {attributes} is not recorded (record it first: the protocol may not ask for one then)</source>
            <translation>⟦ ŵĥîļé {participant}'š {attributes} îš ñöţ ŕéçöŕđéđ (ŕéçöŕđ îţ ƒîŕšţ: ţĥé þŕöţöçöļ ɱàý ñöţ àšķ ƒöŕ öñé ţĥéñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>required statement(s) not answered: {statements}</source>
            <translation>⟦ŕéǫûîŕéđ šţàţéɱéñţ(š) ñöţ àñšŵéŕéđ: {statements} ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>required statement(s) not affirmed: {statements}</source>
            <translation>⟦ŕéǫûîŕéđ šţàţéɱéñţ(š) ñöţ àƒƒîŕɱéđ: {statements} ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source> and completes '{form}'</source>
            <translation>⟦ àñđ çöɱþļéţéš '{form}' ŵîðé ŵî⟧</translation>
        </message>
    </context>
    <context>
        <name>ConsentPage</name>
        <message>
            <source>Take consent</source>
            <translation>⟦Ţàķé çöñšéñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>One participant at a time. Read each statement; every answer starts empty and nothing counts until it is given. Declining an optional statement never excludes anyone.</source>
            <translation>⟦Öñé þàŕţîçîþàñţ àţ à ţîɱé. Ŕéàđ éàçĥ šţàţéɱéñţ; éṽéŕý àñšŵéŕ šţàŕţš éɱþţý àñđ ñöţĥîñĝ çöûñţš ûñţîļ îţ îš ĝîṽéñ. Đéçļîñîñĝ àñ öþţîöñàļ šţàţéɱéñţ ñéṽéŕ éẋçļûđéš àñýöñé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>⟦Šéššîöñ ŵîð⟧</translation>
        </message>
        <message>
            <source>Session:</source>
            <translation>⟦Šéššîöñ ŵîð:⟧</translation>
        </message>
        <message>
            <source>Participants in this session</source>
            <translation>⟦Þàŕţîçîþàñţš îñ ţĥîš šéššîöñ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>How consent is given</source>
            <translation>⟦Ĥöŵ çöñšéñţ îš ĝîṽéñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Written, signed on screen</source>
            <translation>⟦&amp;Ŵŕîţţéñ, šîĝñéđ öñ šçŕééñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Verbal, recorded (remote or phone)</source>
            <translation>⟦&amp;Ṽéŕƀàļ, ŕéçöŕđéđ (ŕéɱöţé öŕ þĥöñé) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Paper form, entered afterwards</source>
            <translation>⟦&amp;Þàþéŕ ƒöŕɱ, éñţéŕéđ àƒţéŕŵàŕđš ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Consented, &amp;not signed on screen</source>
            <translation>⟦Çöñšéñţéđ, &amp;ñöţ šîĝñéđ öñ šçŕééñ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>signing on screen</source>
            <translation>⟦šîĝñîñĝ öñ šçŕééñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>verbal consent, recorded</source>
            <translation>⟦ṽéŕƀàļ çöñšéñţ, ŕéçöŕđéđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the paper form</source>
            <translation>⟦ţĥé þàþéŕ ƒöŕɱ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Verbal consent recording (kept apart from the interview)</source>
            <translation>⟦Ṽéŕƀàļ çöñšéñţ ŕéçöŕđîñĝ (ķéþţ àþàŕţ ƒŕöɱ ţĥé îñţéŕṽîéŵ) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Start consent &amp;recording</source>
            <translation>⟦Šţàŕţ çöñšéñţ &amp;ŕéçöŕđîñĝ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Enter each answer exactly as the participant marked it on the signed paper form.</source>
            <translation>⟦Éñţéŕ éàçĥ àñšŵéŕ éẋàçţļý àš ţĥé þàŕţîçîþàñţ ɱàŕķéđ îţ öñ ţĥé šîĝñéđ þàþéŕ ƒöŕɱ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>consent you record without the participant's signature, with the reason</source>
            <translation>⟦çöñšéñţ ýöû ŕéçöŕđ ŵîţĥöûţ ţĥé þàŕţîçîþàñţ'š šîĝñàţûŕé, ŵîţĥ ţĥé ŕéàšöñ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Before consent</source>
            <translation>⟦Ɓéƒöŕé çöñšéñţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Understands the information</source>
            <translation>⟦Ûñđéŕšţàñđš ţĥé îñƒöŕɱàţîöñ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Retains it long enough to decide</source>
            <translation>⟦Ŕéţàîñš îţ ļöñĝ éñöûĝĥ ţö đéçîđé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Weighs it up</source>
            <translation>⟦Ŵéîĝĥš îţ ûþ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Communicates a decision</source>
            <translation>⟦Çöɱɱûñîçàţéš à đéçîšîöñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Record capacit&amp;y assessment</source>
            <translation>⟦Ŕéçöŕđ çàþàçîţ&amp;ý àššéššɱéñţ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Witness's name</source>
            <translation>⟦Ŵîţñéšš'š ñàɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Interpreter's name</source>
            <translation>⟦Îñţéŕþŕéţéŕ'š ñàɱé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The interpreter has signed the confidentiality a&amp;greement</source>
            <translation>⟦Ţĥé îñţéŕþŕéţéŕ ĥàš šîĝñéđ ţĥé çöñƒîđéñţîàļîţý à&amp;ĝŕééɱéñţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Parent's or guardian's name</source>
            <translation>⟦Þàŕéñţ'š öŕ ĝûàŕđîàñ'š ñàɱé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The parent or guardian has completed their &amp;form</source>
            <translation>⟦Ţĥé þàŕéñţ öŕ ĝûàŕđîàñ ĥàš çöɱþļéţéđ ţĥéîŕ &amp;ƒöŕɱ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Consultee's name</source>
            <translation>⟦Çöñšûļţéé'š ñàɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The consultee has completed their dec&amp;laration</source>
            <translation>⟦Ţĥé çöñšûļţéé ĥàš çöɱþļéţéđ ţĥéîŕ đéç&amp;ļàŕàţîöñ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The participant cannot decide now, so they do not consent: the study's protocol asks a consultee for their advice on whether the participant would want to take part. Read each statement with the consultee and mark their advice. The participant's wishes and feelings still count: stop if they show they do not want to go on.</source>
            <translation>⟦Ţĥé þàŕţîçîþàñţ çàññöţ đéçîđé ñöŵ, šö ţĥéý đö ñöţ çöñšéñţ: ţĥé šţûđý'š þŕöţöçöļ àšķš à çöñšûļţéé ƒöŕ ţĥéîŕ àđṽîçé öñ ŵĥéţĥéŕ ţĥé þàŕţîçîþàñţ ŵöûļđ ŵàñţ ţö ţàķé þàŕţ. Ŕéàđ éàçĥ šţàţéɱéñţ ŵîţĥ ţĥé çöñšûļţéé àñđ ɱàŕķ ţĥéîŕ àđṽîçé. Ţĥé þàŕţîçîþàñţ'š ŵîšĥéš àñđ ƒééļîñĝš šţîļļ çöûñţ: šţöþ îƒ ţĥéý šĥöŵ ţĥéý đö ñöţ ŵàñţ ţö ĝö öñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Consultee's relationship to the participant</source>
            <translation>⟦Çöñšûļţéé'š ŕéļàţîöñšĥîþ ţö ţĥé þàŕţîçîþàñţ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Kind of consultee</source>
            <translation>⟦Ķîñđ öƒ çöñšûļţéé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>⟦Çĥööšé ŵîð…⟧</translation>
        </message>
        <message>
            <source>Personal (cares for them or is interested in their welfare, unpaid)</source>
            <translation>⟦Þéŕšöñàļ (çàŕéš ƒöŕ ţĥéɱ öŕ îš îñţéŕéšţéđ îñ ţĥéîŕ ŵéļƒàŕé, ûñþàîđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Nominated (independent of the study; no personal consultee)</source>
            <translation>⟦Ñöɱîñàţéđ (îñđéþéñđéñţ öƒ ţĥé šţûđý; ñö þéŕšöñàļ çöñšûļţéé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Would &amp;want to take part</source>
            <translation>⟦Ŵöûļđ &amp;ŵàñţ ţö ţàķé þàŕţ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Would n&amp;ot want to take part</source>
            <translation>⟦Ŵöûļđ ñ&amp;öţ ŵàñţ ţö ţàķé þàŕţ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Parent or guar&amp;dian</source>
            <translation>⟦Þàŕéñţ öŕ ĝûàŕ&amp;đîàñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Cons&amp;ultee</source>
            <translation>⟦Çöñš&amp;ûļţéé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Relations&amp;hip</source>
            <translation>⟦Ŕéļàţîöñš&amp;ĥîþ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Their advice</source>
            <translation>⟦Ţĥéîŕ àđṽîçé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Witness presen&amp;t</source>
            <translation>⟦Ŵîţñéšš þŕéšéñ&amp;ţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Interpreter pr&amp;esent</source>
            <translation>⟦Îñţéŕþŕéţéŕ þŕ&amp;éšéñţ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Why the participant is not signing on screen</source>
            <translation>⟦Ŵĥý ţĥé þàŕţîçîþàñţ îš ñöţ šîĝñîñĝ öñ šçŕééñ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Read each statement with the participant and mark their answers. They do not sign; you record why (for example, they cannot hold a pen, or do not want their signature kept) and sign as the person taking consent.</source>
            <translation>⟦Ŕéàđ éàçĥ šţàţéɱéñţ ŵîţĥ ţĥé þàŕţîçîþàñţ àñđ ɱàŕķ ţĥéîŕ àñšŵéŕš. Ţĥéý đö ñöţ šîĝñ; ýöû ŕéçöŕđ ŵĥý (ƒöŕ éẋàɱþļé, ţĥéý çàññöţ ĥöļđ à þéñ, öŕ đö ñöţ ŵàñţ ţĥéîŕ šîĝñàţûŕé ķéþţ) àñđ šîĝñ àš ţĥé þéŕšöñ ţàķîñĝ çöñšéñţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The reason, in a few words (no names)</source>
            <translation>⟦Ţĥé ŕéàšöñ, îñ à ƒéŵ ŵöŕđš (ñö ñàɱéš) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>⟦Šîĝñàţûŕéš ŵîðé⟧</translation>
        </message>
        <message>
            <source>Participant's name</source>
            <translation>⟦Þàŕţîçîþàñţ'š ñàɱé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Participant's signature</source>
            <translation>⟦Þàŕţîçîþàñţ'š šîĝñàţûŕé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Researcher's name</source>
            <translation>⟦Ŕéšéàŕçĥéŕ'š ñàɱé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Researcher's signature</source>
            <translation>⟦Ŕéšéàŕçĥéŕ'š šîĝñàţûŕé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>⟦Çļéàŕ ŵî⟧</translation>
        </message>
        <message>
            <source>Clear the participant's signature</source>
            <translation>⟦Çļéàŕ ţĥé þàŕţîçîþàñţ'š šîĝñàţûŕé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Clear the researcher's signature</source>
            <translation>⟦Çļéàŕ ţĥé ŕéšéàŕçĥéŕ'š šîĝñàţûŕé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Participant's na&amp;me</source>
            <translation>⟦Þàŕţîçîþàñţ'š ñà&amp;ɱé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Participant signs</source>
            <translation>⟦Þàŕţîçîþàñţ šîĝñš ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Researcher's n&amp;ame</source>
            <translation>⟦Ŕéšéàŕçĥéŕ'š ñ&amp;àɱé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Researcher signs</source>
            <translation>⟦Ŕéšéàŕçĥéŕ šîĝñš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>&amp;Save consent</source>
            <translation>⟦&amp;Šàṽé çöñšéñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Save participant's &amp;copy (PDF)…</source>
            <translation>⟦Šàṽé þàŕţîçîþàñţ'š &amp;çöþý (ÞĐƑ) ŵîðé ŵîðé ŵî…⟧</translation>
        </message>
        <message>
            <source>Interview recording</source>
            <translation>⟦Îñţéŕṽîéŵ ŕéçöŕđîñĝ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Start &amp;interview recording</source>
            <translation>⟦Šţàŕţ &amp;îñţéŕṽîéŵ ŕéçöŕđîñĝ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>consultee's advice recorded</source>
            <translation>⟦çöñšûļţéé'š àđṽîçé ŕéçöŕđéđ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>consent recorded</source>
            <translation>⟦çöñšéñţ ŕéçöŕđéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>consent not yet taken</source>
            <translation>⟦çöñšéñţ ñöţ ýéţ ţàķéñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Prepare a session first.</source>
            <translation>⟦Þŕéþàŕé à šéššîöñ ƒîŕšţ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Everyone has agreed to the recording.</source>
            <translation>⟦Éṽéŕýöñé ĥàš àĝŕééđ ţö ţĥé ŕéçöŕđîñĝ. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Recording stays off: %1.</source>
            <translation>⟦Ŕéçöŕđîñĝ šţàýš öƒƒ: %1. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1: %2, version %3</source>
            <translation>⟦%1: %2, ṽéŕšîöñ %3 ŵîðé⟧</translation>
        </message>
        <message>
            <source>This form does not allow this kind of consent.</source>
            <translation>⟦Ţĥîš ƒöŕɱ đöéš ñöţ àļļöŵ ţĥîš ķîñđ öƒ çöñšéñţ. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>If the participant cannot or will not sign on screen, this form also allows: %1.</source>
            <translation>⟦Îƒ ţĥé þàŕţîçîþàñţ çàññöţ öŕ ŵîļļ ñöţ šîĝñ öñ šçŕééñ, ţĥîš ƒöŕɱ àļšö àļļöŵš: %1. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Capacity assessed at this session: not able to decide now; the consultee route applies.</source>
            <translation>⟦Çàþàçîţý àššéššéđ àţ ţĥîš šéššîöñ: ñöţ àƀļé ţö đéçîđé ñöŵ; ţĥé çöñšûļţéé ŕöûţé àþþļîéš. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Consultee's na&amp;me</source>
            <translation>⟦Çöñšûļţéé'š ñà&amp;ɱé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Consultee signs</source>
            <translation>⟦Çöñšûļţéé šîĝñš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Say why the participant is not signing on screen.</source>
            <translation>⟦Šàý ŵĥý ţĥé þàŕţîçîþàñţ îš ñöţ šîĝñîñĝ öñ šçŕééñ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>This form allows no other way than signing on screen.</source>
            <translation>⟦Ţĥîš ƒöŕɱ àļļöŵš ñö öţĥéŕ ŵàý ţĥàñ šîĝñîñĝ öñ šçŕééñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Capacity assessed at this session: able to decide.</source>
            <translation>⟦Çàþàçîţý àššéššéđ àţ ţĥîš šéššîöñ: àƀļé ţö đéçîđé. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Not able to decide now: %1</source>
            <translation>⟦Ñöţ àƀļé ţö đéçîđé ñöŵ: %1 ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Your signature</source>
            <translation>⟦Ýöûŕ šîĝñàţûŕé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Start the consent recording before marking answers.</source>
            <translation>⟦Šţàŕţ ţĥé çöñšéñţ ŕéçöŕđîñĝ ƀéƒöŕé ɱàŕķîñĝ àñšŵéŕš. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Choose how consent is given.</source>
            <translation>⟦Çĥööšé ĥöŵ çöñšéñţ îš ĝîṽéñ. ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Required statements not answered yet: %1</source>
            <translation>⟦Ŕéǫûîŕéđ šţàţéɱéñţš ñöţ àñšŵéŕéđ ýéţ: %1 ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Required statements declined (consent cannot be recorded): %1</source>
            <translation>⟦Ŕéǫûîŕéđ šţàţéɱéñţš đéçļîñéđ (çöñšéñţ çàññöţ ƀé ŕéçöŕđéđ): %1 ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Initials missing for: %1</source>
            <translation>⟦Îñîţîàļš ɱîššîñĝ ƒöŕ: %1 ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Both signatures are needed.</source>
            <translation>⟦Ɓöţĥ šîĝñàţûŕéš àŕé ñééđéđ. ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Your signature is needed, as the person taking consent.</source>
            <translation>⟦Ýöûŕ šîĝñàţûŕé îš ñééđéđ, àš ţĥé þéŕšöñ ţàķîñĝ çöñšéñţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Record the consent conversation, then stop the recording.</source>
            <translation>⟦Ŕéçöŕđ ţĥé çöñšéñţ çöñṽéŕšàţîöñ, ţĥéñ šţöþ ţĥé ŕéçöŕđîñĝ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The participant cannot decide now: no consent today (see the assessment above).</source>
            <translation>⟦Ţĥé þàŕţîçîþàñţ çàññöţ đéçîđé ñöŵ: ñö çöñšéñţ ţöđàý (šéé ţĥé àššéššɱéñţ àƀöṽé). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Assess capacity at this session first.</source>
            <translation>⟦Àššéšš çàþàçîţý àţ ţĥîš šéššîöñ ƒîŕšţ. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The consultee route: name the consultee.</source>
            <translation>⟦Ţĥé çöñšûļţéé ŕöûţé: ñàɱé ţĥé çöñšûļţéé. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Give the consultee's relationship to the participant.</source>
            <translation>⟦Ĝîṽé ţĥé çöñšûļţéé'š ŕéļàţîöñšĥîþ ţö ţĥé þàŕţîçîþàñţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Say whether the consultee is personal or nominated.</source>
            <translation>⟦Šàý ŵĥéţĥéŕ ţĥé çöñšûļţéé îš þéŕšöñàļ öŕ ñöɱîñàţéđ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Record the consultee's advice.</source>
            <translation>⟦Ŕéçöŕđ ţĥé çöñšûļţéé'š àđṽîçé. ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The protocol asks for a parent's or guardian's consent: name them.</source>
            <translation>⟦Ţĥé þŕöţöçöļ àšķš ƒöŕ à þàŕéñţ'š öŕ ĝûàŕđîàñ'š çöñšéñţ: ñàɱé ţĥéɱ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The protocol asks for a consultee: name them.</source>
            <translation>⟦Ţĥé þŕöţöçöļ àšķš ƒöŕ à çöñšûļţéé: ñàɱé ţĥéɱ. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Name the witness present.</source>
            <translation>⟦Ñàɱé ţĥé ŵîţñéšš þŕéšéñţ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Name the interpreter present.</source>
            <translation>⟦Ñàɱé ţĥé îñţéŕþŕéţéŕ þŕéšéñţ. ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Confirm the parent or guardian has completed their form.</source>
            <translation>⟦Çöñƒîŕɱ ţĥé þàŕéñţ öŕ ĝûàŕđîàñ ĥàš çöɱþļéţéđ ţĥéîŕ ƒöŕɱ. ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Confirm the consultee has completed their declaration.</source>
            <translation>⟦Çöñƒîŕɱ ţĥé çöñšûļţéé ĥàš çöɱþļéţéđ ţĥéîŕ đéçļàŕàţîöñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The interpreter signs the confidentiality agreement first.</source>
            <translation>⟦Ţĥé îñţéŕþŕéţéŕ šîĝñš ţĥé çöñƒîđéñţîàļîţý àĝŕééɱéñţ ƒîŕšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Stop consent &amp;recording</source>
            <translation>⟦Šţöþ çöñšéñţ &amp;ŕéçöŕđîñĝ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Recording consent: %1</source>
            <translation>⟦Ŕéçöŕđîñĝ çöñšéñţ: %1 ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Consent recorded (%1, version %2; information sheet: %3, version %4).</source>
            <translation>⟦Çöñšéñţ ŕéçöŕđéđ (%1, ṽéŕšîöñ %2; îñƒöŕɱàţîöñ šĥééţ: %3, ṽéŕšîöñ %4). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the signed consent copy: the participant's name, signatures and answers</source>
            <translation>⟦ţĥé šîĝñéđ çöñšéñţ çöþý: ţĥé þàŕţîçîþàñţ'š ñàɱé, šîĝñàţûŕéš àñđ àñšŵéŕš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>⟦Šàṽéđ %1. ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>DistressPanel</name>
        <message>
            <source>Distress protocol</source>
            <translation>⟦Đîšţŕéšš þŕöţöçöļ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Recording paused while the protocol is open</source>
            <translation>⟦Ŕéçöŕđîñĝ þàûšéđ ŵĥîļé ţĥé þŕöţöçöļ îš öþéñ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>⟦Çöñţîñûé ŵîð⟧</translation>
        </message>
        <message>
            <source>Pause for now</source>
            <translation>⟦Þàûšé ƒöŕ ñöŵ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>⟦Šţöþ ŵî⟧</translation>
        </message>
        <message>
            <source>Support list</source>
            <translation>⟦Šûþþöŕţ ļîšţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Show support list</source>
            <translation>⟦Šĥöŵ šûþþöŕţ ļîšţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Save support list (PDF)…</source>
            <translation>⟦Šàṽé šûþþöŕţ ļîšţ (ÞĐƑ) ŵîðé ŵîðé…⟧</translation>
        </message>
        <message>
            <source>Contact and follow-up</source>
            <translation>⟦Çöñţàçţ àñđ ƒöļļöŵ-ûþ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Stop and check in with the participant. Tick what you see and do; each tick is timed. They decide whether to go on.</source>
            <translation>⟦Šţöþ àñđ çĥéçķ îñ ŵîţĥ ţĥé þàŕţîçîþàñţ. Ţîçķ ŵĥàţ ýöû šéé àñđ đö; éàçĥ ţîçķ îš ţîɱéđ. Ţĥéý đéçîđé ŵĥéţĥéŕ ţö ĝö öñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Whom it concerns</source>
            <translation>⟦Ŵĥöɱ îţ çöñçéŕñš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The participant's choice</source>
            <translation>⟦Ţĥé þàŕţîçîþàñţ'š çĥöîçé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Tick each entry as you give it to the participant; each tick is saved.</source>
            <translation>⟦Ţîçķ éàçĥ éñţŕý àš ýöû ĝîṽé îţ ţö ţĥé þàŕţîçîþàñţ; éàçĥ ţîçķ îš šàṽéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The participant consents to contact with their doctor or care team:</source>
            <translation>⟦Ţĥé þàŕţîçîþàñţ çöñšéñţš ţö çöñţàçţ ŵîţĥ ţĥéîŕ đöçţöŕ öŕ çàŕé ţéàɱ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî:⟧</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>⟦Ýéš ŵî⟧</translation>
        </message>
        <message>
            <source>No</source>
            <translation>⟦Ñö ŵî⟧</translation>
        </message>
        <message>
            <source>Follow-up call agreed, due</source>
            <translation>⟦Ƒöļļöŵ-ûþ çàļļ àĝŕééđ, đûé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Follow-up call due</source>
            <translation>⟦Ƒöļļöŵ-ûþ çàļļ đûé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Record follow-up</source>
            <translation>⟦Ŕéçöŕđ ƒöļļöŵ-ûþ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Chief investigator told now</source>
            <translation>⟦Çĥîéƒ îñṽéšţîĝàţöŕ ţöļđ ñöŵ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>⟦Ţîɱéļîñé ŵîð⟧</translation>
        </message>
        <message>
            <source>Distress event timeline</source>
            <translation>⟦Đîšţŕéšš éṽéñţ ţîɱéļîñé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Resume the interview</source>
            <translation>⟦Ŕéšûɱé ţĥé îñţéŕṽîéŵ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Reason for ending (optional)</source>
            <translation>⟦Ŕéàšöñ ƒöŕ éñđîñĝ (öþţîöñàļ) ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Reason for ending the session early</source>
            <translation>⟦Ŕéàšöñ ƒöŕ éñđîñĝ ţĥé šéššîöñ éàŕļý ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>End the session early</source>
            <translation>⟦Éñđ ţĥé šéššîöñ éàŕļý ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Stage %1: %2</source>
            <translation>⟦Šţàĝé %1: %2 ŵîð⟧</translation>
        </message>
        <message>
            <source>Signs</source>
            <translation>⟦Šîĝñš ŵî⟧</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>⟦Àçţîöñš ŵîð⟧</translation>
        </message>
        <message>
            <source>The session as a whole</source>
            <translation>⟦Ţĥé šéššîöñ àš à ŵĥöļé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Concerns: %1</source>
            <translation>⟦Çöñçéŕñš: %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>Concerns: the session as a whole</source>
            <translation>⟦Çöñçéŕñš: ţĥé šéššîöñ àš à ŵĥöļé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Stage %1</source>
            <translation>⟦Šţàĝé %1 ŵî⟧</translation>
        </message>
        <message>
            <source>continue</source>
            <translation>⟦çöñţîñûé ŵîð⟧</translation>
        </message>
        <message>
            <source>pause for now</source>
            <translation>⟦þàûšé ƒöŕ ñöŵ ŵîðé⟧</translation>
        </message>
        <message>
            <source>stop</source>
            <translation>⟦šţöþ ŵî⟧</translation>
        </message>
        <message>
            <source>the interview resumed</source>
            <translation>⟦ţĥé îñţéŕṽîéŵ ŕéšûɱéđ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the session ended early</source>
            <translation>⟦ţĥé šéššîöñ éñđéđ éàŕļý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Sign seen: %1</source>
            <translation>⟦Šîĝñ šééñ: %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>Done: %1</source>
            <translation>⟦Đöñé: %1 ŵî⟧</translation>
        </message>
        <message>
            <source>Not done after all: %1</source>
            <translation>⟦Ñöţ đöñé àƒţéŕ àļļ: %1 ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The participant's choice: %1</source>
            <translation>⟦Ţĥé þàŕţîçîþàñţ'š çĥöîçé: %1 ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Consent to contact their doctor or care team: %1</source>
            <translation>⟦Çöñšéñţ ţö çöñţàçţ ţĥéîŕ đöçţöŕ öŕ çàŕé ţéàɱ: %1 ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Recording paused</source>
            <translation>⟦Ŕéçöŕđîñĝ þàûšéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Recording resumed</source>
            <translation>⟦Ŕéçöŕđîñĝ ŕéšûɱéđ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Support given: %1</source>
            <translation>⟦Šûþþöŕţ ĝîṽéñ: %1 ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Support not given after all: %1</source>
            <translation>⟦Šûþþöŕţ ñöţ ĝîṽéñ àƒţéŕ àļļ: %1 ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>⟦ýéš ŵî⟧</translation>
        </message>
        <message>
            <source>no</source>
            <translation>⟦ñö ŵî⟧</translation>
        </message>
        <message>
            <source>Follow-up call due %1</source>
            <translation>⟦Ƒöļļöŵ-ûþ çàļļ đûé %1 ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>No follow-up call</source>
            <translation>⟦Ñö ƒöļļöŵ-ûþ çàļļ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Chief investigator told</source>
            <translation>⟦Çĥîéƒ îñṽéšţîĝàţöŕ ţöļđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Debrief done</source>
            <translation>⟦Đéƀŕîéƒ đöñé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Linked to a safeguarding concern</source>
            <translation>⟦Ļîñķéđ ţö à šàƒéĝûàŕđîñĝ çöñçéŕñ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Concerns %1</source>
            <translation>⟦Çöñçéŕñš %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>Concerns the session as a whole</source>
            <translation>⟦Çöñçéŕñš ţĥé šéššîöñ àš à ŵĥöļé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Closed: %1</source>
            <translation>⟦Çļöšéđ: %1 ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Something unexpected went wrong; nothing was lost.</source>
            <translation>⟦Šöɱéţĥîñĝ ûñéẋþéçţéđ ŵéñţ ŵŕöñĝ; ñöţĥîñĝ ŵàš ļöšţ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>That passphrase did not unlock the vault. Check it and try again.</source>
            <translation>⟦Ţĥàţ þàššþĥŕàšé đîđ ñöţ ûñļöçķ ţĥé ṽàûļţ. Çĥéçķ îţ àñđ ţŕý àĝàîñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>There is no vault in this data folder yet.</source>
            <translation>⟦Ţĥéŕé îš ñö ṽàûļţ îñ ţĥîš đàţà ƒöļđéŕ ýéţ. ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>A vault already exists in this data folder.</source>
            <translation>⟦À ṽàûļţ àļŕéàđý éẋîšţš îñ ţĥîš đàţà ƒöļđéŕ. ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The vault could not be opened: its files look damaged. Nothing was changed. Restore it from a backup (fieldwork vault restore FILE), or ask your data manager.</source>
            <translation>⟦Ţĥé ṽàûļţ çöûļđ ñöţ ƀé öþéñéđ: îţš ƒîļéš ļööķ đàɱàĝéđ. Ñöţĥîñĝ ŵàš çĥàñĝéđ. Ŕéšţöŕé îţ ƒŕöɱ à ƀàçķûþ (ƒîéļđŵöŕķ ṽàûļţ ŕéšţöŕé ƑÎĻÉ), öŕ àšķ ýöûŕ đàţà ɱàñàĝéŕ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The vault is locked. Unlock it to continue.</source>
            <translation>⟦Ţĥé ṽàûļţ îš ļöçķéđ. Ûñļöçķ îţ ţö çöñţîñûé. ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>That user is not set up on this laptop.</source>
            <translation>⟦Ţĥàţ ûšéŕ îš ñöţ šéţ ûþ öñ ţĥîš ļàþţöþ. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>That user already exists.</source>
            <translation>⟦Ţĥàţ ûšéŕ àļŕéàđý éẋîšţš. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study pack has problems and was not imported.</source>
            <translation>⟦Ţĥé šţûđý þàçķ ĥàš þŕöƀļéɱš àñđ ŵàš ñöţ îɱþöŕţéđ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>No study pack has been imported yet.</source>
            <translation>⟦Ñö šţûđý þàçķ ĥàš ƀééñ îɱþöŕţéđ ýéţ. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>That item could not be found.</source>
            <translation>⟦Ţĥàţ îţéɱ çöûļđ ñöţ ƀé ƒöûñđ. ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Some details are missing or not valid.</source>
            <translation>⟦Šöɱé đéţàîļš àŕé ɱîššîñĝ öŕ ñöţ ṽàļîđ. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Consent was not recorded: every required statement must be agreed.</source>
            <translation>⟦Çöñšéñţ ŵàš ñöţ ŕéçöŕđéđ: éṽéŕý ŕéǫûîŕéđ šţàţéɱéñţ ɱûšţ ƀé àĝŕééđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Recording needs every participant's consent to be recorded first.</source>
            <translation>⟦Ŕéçöŕđîñĝ ñééđš éṽéŕý þàŕţîçîþàñţ'š çöñšéñţ ţö ƀé ŕéçöŕđéđ ƒîŕšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>This participant has withdrawn; nothing new can be recorded for them.</source>
            <translation>⟦Ţĥîš þàŕţîçîþàñţ ĥàš ŵîţĥđŕàŵñ; ñöţĥîñĝ ñéŵ çàñ ƀé ŕéçöŕđéđ ƒöŕ ţĥéɱ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The audit log failed its integrity check. Tell the data manager.</source>
            <translation>⟦Ţĥé àûđîţ ļöĝ ƒàîļéđ îţš îñţéĝŕîţý çĥéçķ. Ţéļļ ţĥé đàţà ɱàñàĝéŕ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>No microphone was found. Plug one in and try again.</source>
            <translation>⟦Ñö ɱîçŕöþĥöñé ŵàš ƒöûñđ. Þļûĝ öñé îñ àñđ ţŕý àĝàîñ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The microphone was disconnected.</source>
            <translation>⟦Ţĥé ɱîçŕöþĥöñé ŵàš đîšçöññéçţéđ. ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>This laptop's disk is full: free some space on it, then try again. Nothing saved before was lost.</source>
            <translation>⟦Ţĥîš ļàþţöþ'š đîšķ îš ƒûļļ: ƒŕéé šöɱé šþàçé öñ îţ, ţĥéñ ţŕý àĝàîñ. Ñöţĥîñĝ šàṽéđ ƀéƒöŕé ŵàš ļöšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>A recording was interrupted and needs recovery first.</source>
            <translation>⟦À ŕéçöŕđîñĝ ŵàš îñţéŕŕûþţéđ àñđ ñééđš ŕéçöṽéŕý ƒîŕšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>A recording is already running.</source>
            <translation>⟦À ŕéçöŕđîñĝ îš àļŕéàđý ŕûññîñĝ. ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The study store cannot be reached.</source>
            <translation>⟦Ţĥé šţûđý šţöŕé çàññöţ ƀé ŕéàçĥéđ. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study store refused the credentials.</source>
            <translation>⟦Ţĥé šţûđý šţöŕé ŕéƒûšéđ ţĥé çŕéđéñţîàļš. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The study store is full (the store, not this laptop): free some space on it, or ask the data manager to, then sync again. What was not sent waits on this laptop.</source>
            <translation>⟦Ţĥé šţûđý šţöŕé îš ƒûļļ (ţĥé šţöŕé, ñöţ ţĥîš ļàþţöþ): ƒŕéé šöɱé šþàçé öñ îţ, öŕ àšķ ţĥé đàţà ɱàñàĝéŕ ţö, ţĥéñ šýñç àĝàîñ. Ŵĥàţ ŵàš ñöţ šéñţ ŵàîţš öñ ţĥîš ļàþţöþ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study store reported an error.</source>
            <translation>⟦Ţĥé šţûđý šţöŕé ŕéþöŕţéđ àñ éŕŕöŕ. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Data at the study store failed its integrity check.</source>
            <translation>⟦Đàţà àţ ţĥé šţûđý šţöŕé ƒàîļéđ îţš îñţéĝŕîţý çĥéçķ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study store's server did not prove it is the server this laptop knows (its key is different or was never confirmed). Nothing was sent. Do not sync; tell the data manager.</source>
            <translation>⟦Ţĥé šţûđý šţöŕé'š šéŕṽéŕ đîđ ñöţ þŕöṽé îţ îš ţĥé šéŕṽéŕ ţĥîš ļàþţöþ ķñöŵš (îţš ķéý îš đîƒƒéŕéñţ öŕ ŵàš ñéṽéŕ çöñƒîŕɱéđ). Ñöţĥîñĝ ŵàš šéñţ. Đö ñöţ šýñç; ţéļļ ţĥé đàţà ɱàñàĝéŕ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>This study has no study key yet, so nothing can be sent. Use “Add the study key…” on the sync page and choose the key file (study.pub) the data manager gave you.</source>
            <translation>⟦Ţĥîš šţûđý ĥàš ñö šţûđý ķéý ýéţ, šö ñöţĥîñĝ çàñ ƀé šéñţ. Ûšé “Àđđ ţĥé šţûđý ķéý…” öñ ţĥé šýñç þàĝé àñđ çĥööšé ţĥé ķéý ƒîļé (šţûđý.þûƀ) ţĥé đàţà ɱàñàĝéŕ ĝàṽé ýöû. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>⟦Çàñçéļļéđ. ŵîðé⟧</translation>
        </message>
        <message>
            <source>This is not ready yet.</source>
            <translation>⟦Ţĥîš îš ñöţ ŕéàđý ýéţ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The disk reported an error while saving.</source>
            <translation>⟦Ţĥé đîšķ ŕéþöŕţéđ àñ éŕŕöŕ ŵĥîļé šàṽîñĝ. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Only participants screened eligible can have a session, give consent or be recorded. Screen them on the Participants page first.</source>
            <translation>⟦Öñļý þàŕţîçîþàñţš šçŕééñéđ éļîĝîƀļé çàñ ĥàṽé à šéššîöñ, ĝîṽé çöñšéñţ öŕ ƀé ŕéçöŕđéđ. Šçŕééñ ţĥéɱ öñ ţĥé Þàŕţîçîþàñţš þàĝé ƒîŕšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Something went wrong.</source>
            <translation>⟦Šöɱéţĥîñĝ ŵéñţ ŵŕöñĝ. ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>No study store is set up on this laptop yet. Choose “Set up the study store…” on the sync page.</source>
            <translation>⟦Ñö šţûđý šţöŕé îš šéţ ûþ öñ ţĥîš ļàþţöþ ýéţ. Çĥööšé “Šéţ ûþ ţĥé šţûđý šţöŕé…” öñ ţĥé šýñç þàĝé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>There is no study store named {name} on this laptop. Choose “Set up the study store…” on the sync page to set it up.</source>
            <translation>⟦Ţĥéŕé îš ñö šţûđý šţöŕé ñàɱéđ {name} öñ ţĥîš ļàþţöþ. Çĥööšé “Šéţ ûþ ţĥé šţûđý šţöŕé…” öñ ţĥé šýñç þàĝé ţö šéţ îţ ûþ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The store {name} is the study's identity store: research data never goes there. Set up the research store with “Set up the study store…” on the sync page.</source>
            <translation>⟦Ţĥé šţöŕé {name} îš ţĥé šţûđý'š îđéñţîţý šţöŕé: ŕéšéàŕçĥ đàţà ñéṽéŕ ĝöéš ţĥéŕé. Šéţ ûþ ţĥé ŕéšéàŕçĥ šţöŕé ŵîţĥ “Šéţ ûþ ţĥé šţûđý šţöŕé…” öñ ţĥé šýñç þàĝé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Identity data waits on this laptop: the study sends it to a store named {name}, which is not set up here. Set it up under that name with “Set up the study store…” (research data is sent as usual).</source>
            <translation>⟦Îđéñţîţý đàţà ŵàîţš öñ ţĥîš ļàþţöþ: ţĥé šţûđý šéñđš îţ ţö à šţöŕé ñàɱéđ {name}, ŵĥîçĥ îš ñöţ šéţ ûþ ĥéŕé. Šéţ îţ ûþ ûñđéŕ ţĥàţ ñàɱé ŵîţĥ “Šéţ ûþ ţĥé šţûđý šţöŕé…” (ŕéšéàŕçĥ đàţà îš šéñţ àš ûšûàļ). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The store's address contains a password. Leave it out of the address and type it in the “Password / secret” field instead (it is kept encrypted in the vault).</source>
            <translation>⟦Ţĥé šţöŕé'š àđđŕéšš çöñţàîñš à þàššŵöŕđ. Ļéàṽé îţ öûţ öƒ ţĥé àđđŕéšš àñđ ţýþé îţ îñ ţĥé “Þàššŵöŕđ / šéçŕéţ” ƒîéļđ îñšţéàđ (îţ îš ķéþţ éñçŕýþţéđ îñ ţĥé ṽàûļţ). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The study store {store} has an https certificate that no trusted authority signed. Nothing was sent. If the university uses its own certificate authority, ask the data manager to set the store up with its certificate file; otherwise tell the data manager (someone may be between this laptop and the store).</source>
            <translation>⟦Ţĥé šţûđý šţöŕé {store} ĥàš àñ ĥţţþš çéŕţîƒîçàţé ţĥàţ ñö ţŕûšţéđ àûţĥöŕîţý šîĝñéđ. Ñöţĥîñĝ ŵàš šéñţ. Îƒ ţĥé ûñîṽéŕšîţý ûšéš îţš öŵñ çéŕţîƒîçàţé àûţĥöŕîţý, àšķ ţĥé đàţà ɱàñàĝéŕ ţö šéţ ţĥé šţöŕé ûþ ŵîţĥ îţš çéŕţîƒîçàţé ƒîļé; öţĥéŕŵîšé ţéļļ ţĥé đàţà ɱàñàĝéŕ (šöɱéöñé ɱàý ƀé ƀéţŵééñ ţĥîš ļàþţöþ àñđ ţĥé šţöŕé). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>No study pack has been imported yet. Choose “Import a study pack…” on the sync page.</source>
            <translation>⟦Ñö šţûđý þàçķ ĥàš ƀééñ îɱþöŕţéđ ýéţ. Çĥööšé “Îɱþöŕţ à šţûđý þàçķ…” öñ ţĥé šýñç þàĝé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Choose the folder of the study pack to import.</source>
            <translation>⟦Çĥööšé ţĥé ƒöļđéŕ öƒ ţĥé šţûđý þàçķ ţö îɱþöŕţ. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The study pack was not imported: its version {version} is older than version {newest}, already imported. An old pack sent again could bring back keys the data manager has replaced. Nothing changed; ask the data manager for the current pack.</source>
            <translation>⟦Ţĥé šţûđý þàçķ ŵàš ñöţ îɱþöŕţéđ: îţš ṽéŕšîöñ {version} îš öļđéŕ ţĥàñ ṽéŕšîöñ {newest}, àļŕéàđý îɱþöŕţéđ. Àñ öļđ þàçķ šéñţ àĝàîñ çöûļđ ƀŕîñĝ ƀàçķ ķéýš ţĥé đàţà ɱàñàĝéŕ ĥàš ŕéþļàçéđ. Ñöţĥîñĝ çĥàñĝéđ; àšķ ţĥé đàţà ɱàñàĝéŕ ƒöŕ ţĥé çûŕŕéñţ þàçķ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study pack was not imported: it is signed by {new}, not by the data manager key this laptop trusts ({old}). Nothing changed; check the new fingerprint with the data manager before you import it again.</source>
            <translation>⟦Ţĥé šţûđý þàçķ ŵàš ñöţ îɱþöŕţéđ: îţ îš šîĝñéđ ƀý {new}, ñöţ ƀý ţĥé đàţà ɱàñàĝéŕ ķéý ţĥîš ļàþţöþ ţŕûšţš ({old}). Ñöţĥîñĝ çĥàñĝéđ; çĥéçķ ţĥé ñéŵ ƒîñĝéŕþŕîñţ ŵîţĥ ţĥé đàţà ɱàñàĝéŕ ƀéƒöŕé ýöû îɱþöŕţ îţ àĝàîñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Nothing was imported: {changes}. Whoever holds a new key can read everything sent from then on. Check the new fingerprint with the data manager (by phone or in person) before you confirm it.</source>
            <translation>⟦Ñöţĥîñĝ ŵàš îɱþöŕţéđ: {changes}. Ŵĥöéṽéŕ ĥöļđš à ñéŵ ķéý çàñ ŕéàđ éṽéŕýţĥîñĝ šéñţ ƒŕöɱ ţĥéñ öñ. Çĥéçķ ţĥé ñéŵ ƒîñĝéŕþŕîñţ ŵîţĥ ţĥé đàţà ɱàñàĝéŕ (ƀý þĥöñé öŕ îñ þéŕšöñ) ƀéƒöŕé ýöû çöñƒîŕɱ îţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Some takes of this session were interrupted. Recover them first: the app offers it when it is unlocked.</source>
            <translation>⟦Šöɱé ţàķéš öƒ ţĥîš šéššîöñ ŵéŕé îñţéŕŕûþţéđ. Ŕéçöṽéŕ ţĥéɱ ƒîŕšţ: ţĥé àþþ öƒƒéŕš îţ ŵĥéñ îţ îš ûñļöçķéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Their sessions {sessions} have not been sent. Confirm that their data on this laptop is to be deleted and never sent.</source>
            <translation>⟦Ţĥéîŕ šéššîöñš {sessions} ĥàṽé ñöţ ƀééñ šéñţ. Çöñƒîŕɱ ţĥàţ ţĥéîŕ đàţà öñ ţĥîš ļàþţöþ îš ţö ƀé đéļéţéđ àñđ ñéṽéŕ šéñţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{text} is not a device fingerprint: eight groups of four hex digits, as the laptop's sync page shows it.</source>
            <translation>⟦{text} îš ñöţ à đéṽîçé ƒîñĝéŕþŕîñţ: éîĝĥţ ĝŕöûþš öƒ ƒöûŕ ĥéẋ đîĝîţš, àš ţĥé ļàþţöþ'š šýñç þàĝé šĥöŵš îţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>There is no data manager signing key at {path}, so the trusted list cannot be checked. Give the signing key's file if it is kept elsewhere. If it is lost, make a new pair and trust the laptops again (laptops that pinned the old key for study packs must be told the new one).</source>
            <translation>⟦Ţĥéŕé îš ñö đàţà ɱàñàĝéŕ šîĝñîñĝ ķéý àţ {path}, šö ţĥé ţŕûšţéđ ļîšţ çàññöţ ƀé çĥéçķéđ. Ĝîṽé ţĥé šîĝñîñĝ ķéý'š ƒîļé îƒ îţ îš ķéþţ éļšéŵĥéŕé. Îƒ îţ îš ļöšţ, ɱàķé à ñéŵ þàîŕ àñđ ţŕûšţ ţĥé ļàþţöþš àĝàîñ (ļàþţöþš ţĥàţ þîññéđ ţĥé öļđ ķéý ƒöŕ šţûđý þàçķš ɱûšţ ƀé ţöļđ ţĥé ñéŵ öñé). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The trusted-devices list {path} was altered or is not signed by the data manager signing key {key}: nothing was read with it. Move it away and trust the laptops again.</source>
            <translation>⟦Ţĥé ţŕûšţéđ-đéṽîçéš ļîšţ {path} ŵàš àļţéŕéđ öŕ îš ñöţ šîĝñéđ ƀý ţĥé đàţà ɱàñàĝéŕ šîĝñîñĝ ķéý {key}: ñöţĥîñĝ ŵàš ŕéàđ ŵîţĥ îţ. Ṁöṽé îţ àŵàý àñđ ţŕûšţ ţĥé ļàþţöþš àĝàîñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{path} is not a {what} file: it holds no key.</source>
            <translation>⟦{path} îš ñöţ à {what} ƒîļé: îţ ĥöļđš ñö ķéý. ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{folder} is not an analysis folder. Unpack the study store into it first.</source>
            <translation>⟦{folder} îš ñöţ àñ àñàļýšîš ƒöļđéŕ. Ûñþàçķ ţĥé šţûđý šţöŕé îñţö îţ ƒîŕšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>A tag is 1-40 letters, digits, spaces, '-' or '_'.</source>
            <translation>⟦À ţàĝ îš 1-40 ļéţţéŕš, đîĝîţš, šþàçéš, '-' öŕ '_'. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Use at least one thread.</source>
            <translation>⟦Ûšé àţ ļéàšţ öñé ţĥŕéàđ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>A laptop's name is 1 to 80 printable characters.</source>
            <translation>⟦À ļàþţöþ'š ñàɱé îš 1 ţö 80 þŕîñţàƀļé çĥàŕàçţéŕš. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The last genuine bundle number is 0 or more.</source>
            <translation>⟦Ţĥé ļàšţ ĝéñûîñé ƀûñđļé ñûɱƀéŕ îš 0 öŕ ɱöŕé. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>This model does not know the language {language}; it knows {known}.</source>
            <translation>⟦Ţĥîš ɱöđéļ đöéš ñöţ ķñöŵ ţĥé ļàñĝûàĝé {language}; îţ ķñöŵš {known}. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source} is not a file of consent answers.</source>
            <translation>⟦{source} îš ñöţ à ƒîļé öƒ çöñšéñţ àñšŵéŕš. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source} names no consent form and version, so it cannot be checked against {form} version {version}. Nothing was recorded.</source>
            <translation>⟦{source} ñàɱéš ñö çöñšéñţ ƒöŕɱ àñđ ṽéŕšîöñ, šö îţ çàññöţ ƀé çĥéçķéđ àĝàîñšţ {form} ṽéŕšîöñ {version}. Ñöţĥîñĝ ŵàš ŕéçöŕđéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Statement {statement} does not apply to this participant (it is asked only where {why}), so it has no answer. Nothing was recorded.</source>
            <translation>⟦Šţàţéɱéñţ {statement} đöéš ñöţ àþþļý ţö ţĥîš þàŕţîçîþàñţ (îţ îš àšķéđ öñļý ŵĥéŕé {why}), šö îţ ĥàš ñö àñšŵéŕ. Ñöţĥîñĝ ŵàš ŕéçöŕđéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Statement {statement} applies to this participant: answer it yes or no. Nothing was recorded.</source>
            <translation>⟦Šţàţéɱéñţ {statement} àþþļîéš ţö ţĥîš þàŕţîçîþàñţ: àñšŵéŕ îţ ýéš öŕ ñö. Ñöţĥîñĝ ŵàš ŕéçöŕđéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The consent form {form}, version {version}, has no statement {statements}. Nothing was recorded.</source>
            <translation>⟦Ţĥé çöñšéñţ ƒöŕɱ {form}, ṽéŕšîöñ {version}, ĥàš ñö šţàţéɱéñţ {statements}. Ñöţĥîñĝ ŵàš ŕéçöŕđéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The answer to statement {statement} is yes, no or none, not {given}. Nothing was recorded.</source>
            <translation>⟦Ţĥé àñšŵéŕ ţö šţàţéɱéñţ {statement} îš ýéš, ñö öŕ ñöñé, ñöţ {given}. Ñöţĥîñĝ ŵàš ŕéçöŕđéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source} was made for {what} {given}, not {expected}: answers are never carried from one form to another. Nothing was recorded.</source>
            <translation>⟦{source} ŵàš ɱàđé ƒöŕ {what} {given}, ñöţ {expected}: àñšŵéŕš àŕé ñéṽéŕ çàŕŕîéđ ƒŕöɱ öñé ƒöŕɱ ţö àñöţĥéŕ. Ñöţĥîñĝ ŵàš ŕéçöŕđéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{folder} is a file, not a folder. Type the folder to unpack into in “Unpack into folder”.</source>
            <translation>⟦{folder} îš à ƒîļé, ñöţ à ƒöļđéŕ. Ţýþé ţĥé ƒöļđéŕ ţö ûñþàçķ îñţö îñ “Ûñþàçķ îñţö ƒöļđéŕ”. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{folder} is inside {parent}, a folder a store was unpacked into before. Nothing was written: choose a folder of its own in “Unpack into folder”.</source>
            <translation>⟦{folder} îš îñšîđé {parent}, à ƒöļđéŕ à šţöŕé ŵàš ûñþàçķéđ îñţö ƀéƒöŕé. Ñöţĥîñĝ ŵàš ŵŕîţţéñ: çĥööšé à ƒöļđéŕ öƒ îţš öŵñ îñ “Ûñþàçķ îñţö ƒöļđéŕ”. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{folder} is not empty ({found}) and no store was unpacked into it, so nothing is written there. Choose an empty or new folder in “Unpack into folder”.</source>
            <translation>⟦{folder} îš ñöţ éɱþţý ({found}) àñđ ñö šţöŕé ŵàš ûñþàçķéđ îñţö îţ, šö ñöţĥîñĝ îš ŵŕîţţéñ ţĥéŕé. Çĥööšé àñ éɱþţý öŕ ñéŵ ƒöļđéŕ îñ “Ûñþàçķ îñţö ƒöļđéŕ”. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{folder} holds the identity store's data: research data is never unpacked into it. Choose another folder, or tick “This is the identity store” if this store is the identity store.</source>
            <translation>⟦{folder} ĥöļđš ţĥé îđéñţîţý šţöŕé'š đàţà: ŕéšéàŕçĥ đàţà îš ñéṽéŕ ûñþàçķéđ îñţö îţ. Çĥööšé àñöţĥéŕ ƒöļđéŕ, öŕ ţîçķ “Ţĥîš îš ţĥé îđéñţîţý šţöŕé” îƒ ţĥîš šţöŕé îš ţĥé îđéñţîţý šţöŕé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{folder} holds research data: identity data is never unpacked into it. Choose a separate folder for the identity store, or untick “This is the identity store” if this is the research store.</source>
            <translation>⟦{folder} ĥöļđš ŕéšéàŕçĥ đàţà: îđéñţîţý đàţà îš ñéṽéŕ ûñþàçķéđ îñţö îţ. Çĥööšé à šéþàŕàţé ƒöļđéŕ ƒöŕ ţĥé îđéñţîţý šţöŕé, öŕ ûñţîçķ “Ţĥîš îš ţĥé îđéñţîţý šţöŕé” îƒ ţĥîš îš ţĥé ŕéšéàŕçĥ šţöŕé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{folder} holds verified data: a first look at a store without a trusted list goes into a new folder.</source>
            <translation>⟦{folder} ĥöļđš ṽéŕîƒîéđ đàţà: à ƒîŕšţ ļööķ àţ à šţöŕé ŵîţĥöûţ à ţŕûšţéđ ļîšţ ĝöéš îñţö à ñéŵ ƒöļđéŕ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{folder} was unpacked without a trusted list (its data is marked unverified). Choose a new folder in “Unpack into folder” to unpack with the trusted list.</source>
            <translation>⟦{folder} ŵàš ûñþàçķéđ ŵîţĥöûţ à ţŕûšţéđ ļîšţ (îţš đàţà îš ɱàŕķéđ ûñṽéŕîƒîéđ). Çĥööšé à ñéŵ ƒöļđéŕ îñ “Ûñþàçķ îñţö ƒöļđéŕ” ţö ûñþàçķ ŵîţĥ ţĥé ţŕûšţéđ ļîšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Not allowed yet: {problem}. The study's protocol asks for it first; mark the task done on {participant}'s page in Participants once it is.</source>
            <translation>⟦Ñöţ àļļöŵéđ ýéţ: {problem}. Ţĥé šţûđý'š þŕöţöçöļ àšķš ƒöŕ îţ ƒîŕšţ; ɱàŕķ ţĥé ţàšķ đöñé öñ {participant}'š þàĝé îñ Þàŕţîçîþàñţš öñçé îţ îš. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Consent not recorded: the study's protocol asks for {party} at {participant}'s consent{why}. Name them in “Before consent”.</source>
            <translation>⟦Çöñšéñţ ñöţ ŕéçöŕđéđ: ţĥé šţûđý'š þŕöţöçöļ àšķš ƒöŕ {party} àţ {participant}'š çöñšéñţ{why}. Ñàɱé ţĥéɱ îñ “Ɓéƒöŕé çöñšéñţ”. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Consent was not recorded: every required statement must be agreed.
{refusal}</source>
            <translation>⟦Çöñšéñţ ŵàš ñöţ ŕéçöŕđéđ: éṽéŕý ŕéǫûîŕéđ šţàţéɱéñţ ɱûšţ ƀé àĝŕééđ.
{refusal} ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Consent not recorded: {party} completes “{form}” with {participant}'s consent. Once they have, tick “{tick}” in “Before consent”.</source>
            <translation>⟦Çöñšéñţ ñöţ ŕéçöŕđéđ: {party} çöɱþļéţéš “{form}” ŵîţĥ {participant}'š çöñšéñţ. Öñçé ţĥéý ĥàṽé, ţîçķ “{tick}” îñ “Ɓéƒöŕé çöñšéñţ”. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Consent not recorded: the capacity assessment at this session found {participant} cannot decide now, so the study's protocol asks a consultee for their advice{paper}. In “Before consent”, name the consultee and give their relationship, the kind of consultee and their advice.</source>
            <translation>⟦Çöñšéñţ ñöţ ŕéçöŕđéđ: ţĥé çàþàçîţý àššéššɱéñţ àţ ţĥîš šéššîöñ ƒöûñđ {participant} çàññöţ đéçîđé ñöŵ, šö ţĥé šţûđý'š þŕöţöçöļ àšķš à çöñšûļţéé ƒöŕ ţĥéîŕ àđṽîçé{paper}. Îñ “Ɓéƒöŕé çöñšéñţ”, ñàɱé ţĥé çöñšûļţéé àñđ ĝîṽé ţĥéîŕ ŕéļàţîöñšĥîþ, ţĥé ķîñđ öƒ çöñšûļţéé àñđ ţĥéîŕ àđṽîçé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Consent not recorded: the consultee advises that {participant} would not want to take part, so {participant} does not take part. Nothing is recorded but the refusal.</source>
            <translation>⟦Çöñšéñţ ñöţ ŕéçöŕđéđ: ţĥé çöñšûļţéé àđṽîšéš ţĥàţ {participant} ŵöûļđ ñöţ ŵàñţ ţö ţàķé þàŕţ, šö {participant} đöéš ñöţ ţàķé þàŕţ. Ñöţĥîñĝ îš ŕéçöŕđéđ ƀûţ ţĥé ŕéƒûšàļ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The interpreter signs “{agreement}” before {participant}'s consent: once they have, tick “The interpreter has signed the confidentiality agreement”.</source>
            <translation>⟦Ţĥé îñţéŕþŕéţéŕ šîĝñš “{agreement}” ƀéƒöŕé {participant}'š çöñšéñţ: öñçé ţĥéý ĥàṽé, ţîçķ “Ţĥé îñţéŕþŕéţéŕ ĥàš šîĝñéđ ţĥé çöñƒîđéñţîàļîţý àĝŕééɱéñţ”. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>A participant of this group is linked to a participant of group {linked_group}: choose them in “Linked to”.</source>
            <translation>⟦À þàŕţîçîþàñţ öƒ ţĥîš ĝŕöûþ îš ļîñķéđ ţö à þàŕţîçîþàñţ öƒ ĝŕöûþ {linked_group}: çĥööšé ţĥéɱ îñ “Ļîñķéđ ţö”. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The study asks for these details when a participant is added: {missing}. Choose each one above “Add participant”.</source>
            <translation>⟦Ţĥé šţûđý àšķš ƒöŕ ţĥéšé đéţàîļš ŵĥéñ à þàŕţîçîþàñţ îš àđđéđ: {missing}. Çĥööšé éàçĥ öñé àƀöṽé “Àđđ þàŕţîçîþàñţ”. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Not allowed yet: {problem}. The study's protocol asks for {days} day(s) of notice. If the task was done on an earlier day, mark it done again with that day in “Done on” on the participant's page in Participants; otherwise the session waits until that notice has been given.</source>
            <translation>⟦Ñöţ àļļöŵéđ ýéţ: {problem}. Ţĥé šţûđý'š þŕöţöçöļ àšķš ƒöŕ {days} đàý(š) öƒ ñöţîçé. Îƒ ţĥé ţàšķ ŵàš đöñé öñ àñ éàŕļîéŕ đàý, ɱàŕķ îţ đöñé àĝàîñ ŵîţĥ ţĥàţ đàý îñ “Đöñé öñ” öñ ţĥé þàŕţîçîþàñţ'š þàĝé îñ Þàŕţîçîþàñţš; öţĥéŕŵîšé ţĥé šéššîöñ ŵàîţš ûñţîļ ţĥàţ ñöţîçé ĥàš ƀééñ ĝîṽéñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Not allowed yet: {problem}. Give the session its date and time on the Prepare page (Save date and time).</source>
            <translation>⟦Ñöţ àļļöŵéđ ýéţ: {problem}. Ĝîṽé ţĥé šéššîöñ îţš đàţé àñđ ţîɱé öñ ţĥé Þŕéþàŕé þàĝé (Šàṽé đàţé àñđ ţîɱé). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Not allowed yet: the protocol asks for {participant}'s capacity to be assessed at this session first.</source>
            <translation>⟦Ñöţ àļļöŵéđ ýéţ: ţĥé þŕöţöçöļ àšķš ƒöŕ {participant}'š çàþàçîţý ţö ƀé àššéššéđ àţ ţĥîš šéššîöñ ƒîŕšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Saving the take failed unexpectedly, not for want of disk space or a microphone, so the take was ended. The app's log has the details for whoever looks after it.</source>
            <translation>⟦Šàṽîñĝ ţĥé ţàķé ƒàîļéđ ûñéẋþéçţéđļý, ñöţ ƒöŕ ŵàñţ öƒ đîšķ šþàçé öŕ à ɱîçŕöþĥöñé, šö ţĥé ţàķé ŵàš éñđéđ. Ţĥé àþþ'š ļöĝ ĥàš ţĥé đéţàîļš ƒöŕ ŵĥöéṽéŕ ļööķš àƒţéŕ îţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>data manager signing key</source>
            <translation>⟦đàţà ɱàñàĝéŕ šîĝñîñĝ ķéý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>data manager public key</source>
            <translation>⟦đàţà ɱàñàĝéŕ þûƀļîç ķéý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>This laptop's disk is full, so nothing more can be recorded. Free some space on it before the next take.</source>
            <translation>⟦Ţĥîš ļàþţöþ'š đîšķ îš ƒûļļ, šö ñöţĥîñĝ ɱöŕé çàñ ƀé ŕéçöŕđéđ. Ƒŕéé šöɱé šþàçé öñ îţ ƀéƒöŕé ţĥé ñéẋţ ţàķé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The disk the file was being saved to is full: free some space on it, or choose another place, then try again. Nothing saved before was lost.</source>
            <translation>⟦Ţĥé đîšķ ţĥé ƒîļé ŵàš ƀéîñĝ šàṽéđ ţö îš ƒûļļ: ƒŕéé šöɱé šþàçé öñ îţ, öŕ çĥööšé àñöţĥéŕ þļàçé, ţĥéñ ţŕý àĝàîñ. Ñöţĥîñĝ šàṽéđ ƀéƒöŕé ŵàš ļöšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{participant} was screened not eligible: the study's ethics approval covers eligible participants only. If the screening answers were wrong, screen {participant} again.</source>
            <translation>⟦{participant} ŵàš šçŕééñéđ ñöţ éļîĝîƀļé: ţĥé šţûđý'š éţĥîçš àþþŕöṽàļ çöṽéŕš éļîĝîƀļé þàŕţîçîþàñţš öñļý. Îƒ ţĥé šçŕééñîñĝ àñšŵéŕš ŵéŕé ŵŕöñĝ, šçŕééñ {participant} àĝàîñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{participant} has not been screened yet.</source>
            <translation>⟦{participant} ĥàš ñöţ ƀééñ šçŕééñéđ ýéţ. ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>NOT CHECKED: no trusted list</source>
            <translation>⟦ÑÖŢ ÇĤÉÇĶÉĐ: ñö ţŕûšţéđ ļîšţ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source> (compare with the bundles that laptop's sync page lists as sent)</source>
            <translation>⟦ (çöɱþàŕé ŵîţĥ ţĥé ƀûñđļéš ţĥàţ ļàþţöþ'š šýñç þàĝé ļîšţš àš šéñţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>NOTE: signers were NOT checked against a trusted list, and anyone who can write to the store can sign a bundle; compare the fingerprints above with those the laptops' sync pages show, and trust them with “Trust this laptop”</source>
            <translation>⟦ÑÖŢÉ: šîĝñéŕš ŵéŕé ÑÖŢ çĥéçķéđ àĝàîñšţ à ţŕûšţéđ ļîšţ, àñđ àñýöñé ŵĥö çàñ ŵŕîţé ţö ţĥé šţöŕé çàñ šîĝñ à ƀûñđļé; çöɱþàŕé ţĥé ƒîñĝéŕþŕîñţš àƀöṽé ŵîţĥ ţĥöšé ţĥé ļàþţöþš' šýñç þàĝéš šĥöŵ, àñđ ţŕûšţ ţĥéɱ ŵîţĥ “Ţŕûšţ ţĥîš ļàþţöþ” ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>NOTE: no trusted list was used: everything unpacked is marked UNVERIFIED in the index</source>
            <translation>⟦ÑÖŢÉ: ñö ţŕûšţéđ ļîšţ ŵàš ûšéđ: éṽéŕýţĥîñĝ ûñþàçķéđ îš ɱàŕķéđ ÛÑṼÉŔÎƑÎÉĐ îñ ţĥé îñđéẋ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The parent or guardian has completed their form</source>
            <translation>⟦Ţĥé þàŕéñţ öŕ ĝûàŕđîàñ ĥàš çöɱþļéţéđ ţĥéîŕ ƒöŕɱ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The consultee has completed their declaration</source>
            <translation>⟦Ţĥé çöñšûļţéé ĥàš çöɱþļéţéđ ţĥéîŕ đéçļàŕàţîöñ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source> (see the sync page of that laptop, which lists what it has not sent)</source>
            <translation>⟦ (šéé ţĥé šýñç þàĝé öƒ ţĥàţ ļàþţöþ, ŵĥîçĥ ļîšţš ŵĥàţ îţ ĥàš ñöţ šéñţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>, with “This is the identity store” ticked</source>
            <translation>⟦, ŵîţĥ “Ţĥîš îš ţĥé îđéñţîţý šţöŕé” ţîçķéđ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source> (unpack the research store with “This is the identity store” unticked)</source>
            <translation>⟦ (ûñþàçķ ţĥé ŕéšéàŕçĥ šţöŕé ŵîţĥ “Ţĥîš îš ţĥé îđéñţîţý šţöŕé” ûñţîçķéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>FirstRunPage</name>
        <message>
            <source>Researcher</source>
            <translation>⟦Ŕéšéàŕçĥéŕ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Research assistant</source>
            <translation>⟦Ŕéšéàŕçĥ àššîšţàñţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Data manager</source>
            <translation>⟦Đàţà ɱàñàĝéŕ ŵîðé⟧</translation>
        </message>
        <message numerus="yes">
            <source>Too short: use at least %n characters.</source>
            <translation>
                <numerusform>⟦Ţöö šĥöŕţ: ûšé àţ ļéàšţ %n çĥàŕàçţéŕš. ŵîðé ŵîðé ŵîðé⟧</numerusform>
                <numerusform>⟦Ţöö šĥöŕţ: ûšé àţ ļéàšţ %n çĥàŕàçţéŕš. ŵîðé ŵîðé ŵîðé⟧</numerusform>
            </translation>
        </message>
        <message>
            <source>Weak: it could be guessed in {time}. {advice}</source>
            <translation>⟦Ŵéàķ: îţ çöûļđ ƀé ĝûéššéđ îñ {time}. {advice} ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Try four or more unrelated words.</source>
            <translation>⟦Ţŕý ƒöûŕ öŕ ɱöŕé ûñŕéļàţéđ ŵöŕđš. ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Good.</source>
            <translation>⟦Ĝööđ. ŵî⟧</translation>
        </message>
        <message>
            <source>Strong.</source>
            <translation>⟦Šţŕöñĝ. ŵîð⟧</translation>
        </message>
        <message>
            <source>A few unrelated words work well.</source>
            <translation>⟦À ƒéŵ ûñŕéļàţéđ ŵöŕđš ŵöŕķ ŵéļļ. ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>⟦Ţĥé ţŵö þàššþĥŕàšéš đîƒƒéŕ. ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Creating the encrypted vault…</source>
            <translation>⟦Çŕéàţîñĝ ţĥé éñçŕýþţéđ ṽàûļţ ŵîðé ŵîðé ŵî…⟧</translation>
        </message>
        <message>
            <source>Welcome to Fieldwork</source>
            <translation>⟦Ŵéļçöɱé ţö Ƒîéļđŵöŕķ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>title</source>
            <translation>⟦ţîţļé ŵî⟧</translation>
        </message>
        <message>
            <source>Create the encrypted vault that will hold this laptop's study data. Choose a long passphrase you can remember: a few unrelated words work well.</source>
            <translation>⟦Çŕéàţé ţĥé éñçŕýþţéđ ṽàûļţ ţĥàţ ŵîļļ ĥöļđ ţĥîš ļàþţöþ'š šţûđý đàţà. Çĥööšé à ļöñĝ þàššþĥŕàšé ýöû çàñ ŕéɱéɱƀéŕ: à ƒéŵ ûñŕéļàţéđ ŵöŕđš ŵöŕķ ŵéļļ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>subtitle</source>
            <translation>⟦šûƀţîţļé ŵîð⟧</translation>
        </message>
        <message>
            <source>Your &amp;user name</source>
            <translation>⟦Ýöûŕ &amp;ûšéŕ ñàɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>⟦Ûšéŕ ñàɱé ŵîðé⟧</translation>
        </message>
        <message>
            <source>e.g. alice</source>
            <translation>⟦é.ĝ. àļîçé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>⟦&amp;Ŕöļé ŵî⟧</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>⟦Ŕöļé ŵî⟧</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>⟦&amp;Þàššþĥŕàšé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>⟦Þàššþĥŕàšé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Again</source>
            <translation>⟦&amp;Àĝàîñ ŵî⟧</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>⟦Þàššþĥŕàšé àĝàîñ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>hint</source>
            <translation>⟦ĥîñţ ŵî⟧</translation>
        </message>
        <message>
            <source>error</source>
            <translation>⟦éŕŕöŕ ŵî⟧</translation>
        </message>
        <message>
            <source>&amp;Create vault</source>
            <translation>⟦&amp;Çŕéàţé ṽàûļţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Your recovery key</source>
            <translation>⟦Ýöûŕ ŕéçöṽéŕý ķéý ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>If the passphrase is forgotten, this key is the only way back into the vault. It is shown once, now. Write it down and keep it somewhere safe, away from this laptop (for example with your study's data manager).</source>
            <translation>⟦Îƒ ţĥé þàššþĥŕàšé îš ƒöŕĝöţţéñ, ţĥîš ķéý îš ţĥé öñļý ŵàý ƀàçķ îñţö ţĥé ṽàûļţ. Îţ îš šĥöŵñ öñçé, ñöŵ. Ŵŕîţé îţ đöŵñ àñđ ķééþ îţ šöɱéŵĥéŕé šàƒé, àŵàý ƒŕöɱ ţĥîš ļàþţöþ (ƒöŕ éẋàɱþļé ŵîţĥ ýöûŕ šţûđý'š đàţà ɱàñàĝéŕ). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>⟦Ŕéçöṽéŕý ķéý ŵîðé⟧</translation>
        </message>
        <message>
            <source>recovery</source>
            <translation>⟦ŕéçöṽéŕý ŵîð⟧</translation>
        </message>
        <message>
            <source>I have &amp;stored this recovery key safely</source>
            <translation>⟦Î ĥàṽé &amp;šţöŕéđ ţĥîš ŕéçöṽéŕý ķéý šàƒéļý ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>C&amp;ontinue</source>
            <translation>⟦Ç&amp;öñţîñûé ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>GuideView</name>
        <message>
            <source>This session has no topic guide.</source>
            <translation>⟦Ţĥîš šéššîöñ ĥàš ñö ţöþîç ĝûîđé. ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>%1 (version %2)</source>
            <translation>⟦%1 (ṽéŕšîöñ %2) ŵîðé⟧</translation>
        </message>
        <message>
            <source>Opening</source>
            <translation>⟦Öþéñîñĝ ŵîð⟧</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>⟦Çļöšîñĝ ŵîð⟧</translation>
        </message>
        <message>
            <source>%1 asked, %2 covered, %3 skipped, %4 open</source>
            <translation>⟦%1 àšķéđ, %2 çöṽéŕéđ, %3 šķîþþéđ, %4 öþéñ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <source>Study title</source>
            <translation>⟦Šţûđý ţîţļé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Home visits still open</source>
            <translation>⟦Ĥöɱé ṽîšîţš šţîļļ öþéñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Participant</source>
            <translation>⟦Þàŕţîçîþàñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>⟦Šţàţûš ŵî⟧</translation>
        </message>
        <message>
            <source>Participants by group</source>
            <translation>⟦Þàŕţîçîþàñţš ƀý ĝŕöûþ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>⟦Šéššîöñ ŵîð⟧</translation>
        </message>
        <message>
            <source>When</source>
            <translation>⟦Ŵĥéñ ŵî⟧</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>⟦Ŵĥö ŵî⟧</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>⟦Ƒöŕɱàţ ŵî⟧</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>⟦Ŵĥéŕé ŵî⟧</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>⟦Šéššîöñš ŵîð⟧</translation>
        </message>
        <message>
            <source>Double-click a session, or press Enter on it, to open it</source>
            <translation>⟦Đöûƀļé-çļîçķ à šéššîöñ, öŕ þŕéšš Éñţéŕ öñ îţ, ţö öþéñ îţ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Waiting on this laptop</source>
            <translation>⟦Ŵàîţîñĝ öñ ţĥîš ļàþţöþ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Tasks due</source>
            <translation>⟦Ţàšķš đûé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Double-click a task, or press Enter on it, to open its session</source>
            <translation>⟦Đöûƀļé-çļîçķ à ţàšķ, öŕ þŕéšš Éñţéŕ öñ îţ, ţö öþéñ îţš šéššîöñ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>⟦Þàŕţîçîþàñţš ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>⟦%1: %2 ŵî⟧</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>⟦Çĥéçķéđ îñ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Checked out with my buddy</source>
            <translation>⟦Çĥéçķéđ öûţ ŵîţĥ ɱý ƀûđđý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Home safe</source>
            <translation>⟦Ĥöɱé šàƒé ŵîðé⟧</translation>
        </message>
        <message>
            <source>No study pack imported</source>
            <translation>⟦Ñö šţûđý þàçķ îɱþöŕţéđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1
IRAS ID %2 · study pack: %3, version %4</source>
            <translation>⟦%1
ÎŔÀŠ ÎĐ %2 · šţûđý þàçķ: %3, ṽéŕšîöñ %4 ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Lone working, %1: %2</source>
            <translation>⟦Ļöñé ŵöŕķîñĝ, %1: %2 ŵîðé ŵ⟧</translation>
        </message>
        <message numerus="yes">
            <source>%n recording(s) were interrupted and can be recovered.</source>
            <translation>
                <numerusform>⟦%n ŕéçöŕđîñĝ(š) ŵéŕé îñţéŕŕûþţéđ àñđ çàñ ƀé ŕéçöṽéŕéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</numerusform>
                <numerusform>⟦%n ŕéçöŕđîñĝ(š) ŵéŕé îñţéŕŕûþţéđ àñđ çàñ ƀé ŕéçöṽéŕéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n session(s) have been on this laptop longer than the study allows: sync soon.</source>
            <translation>
                <numerusform>⟦%n šéššîöñ(š) ĥàṽé ƀééñ öñ ţĥîš ļàþţöþ ļöñĝéŕ ţĥàñ ţĥé šţûđý àļļöŵš: šýñç šööñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</numerusform>
                <numerusform>⟦%n šéššîöñ(š) ĥàṽé ƀééñ öñ ţĥîš ļàþţöþ ļöñĝéŕ ţĥàñ ţĥé šţûđý àļļöŵš: šýñç šööñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</numerusform>
            </translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>⟦ñöñé ýéţ ŵîð⟧</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>⟦Ţöđàý ŵî⟧</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>⟦Þļàññéđ ŵîð⟧</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>⟦Đöñé ŵî⟧</translation>
        </message>
        <message>
            <source>%1: not yet at the study store, %2 day(s) on this laptop</source>
            <translation>⟦%1: ñöţ ýéţ àţ ţĥé šţûđý šţöŕé, %2 đàý(š) öñ ţĥîš ļàþţöþ ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>(over the study's limit of %1 days)</source>
            <translation>⟦(öṽéŕ ţĥé šţûđý'š ļîɱîţ öƒ %1 đàýš) ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Nothing waiting: every completed session is at the study store.</source>
            <translation>⟦Ñöţĥîñĝ ŵàîţîñĝ: éṽéŕý çöɱþļéţéđ šéššîöñ îš àţ ţĥé šţûđý šţöŕé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>No tasks due.</source>
            <translation>⟦Ñö ţàšķš đûé. ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>IdentityReasonDialog</name>
        <message>
            <source>Show identity details</source>
            <translation>⟦Šĥöŵ îđéñţîţý đéţàîļš ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Identity details are kept apart from the research data. Every view is recorded in the audit log with your name and reason.</source>
            <translation>⟦Îđéñţîţý đéţàîļš àŕé ķéþţ àþàŕţ ƒŕöɱ ţĥé ŕéšéàŕçĥ đàţà. Éṽéŕý ṽîéŵ îš ŕéçöŕđéđ îñ ţĥé àûđîţ ļöĝ ŵîţĥ ýöûŕ ñàɱé àñđ ŕéàšöñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Why do you need to see them?</source>
            <translation>⟦&amp;Ŵĥý đö ýöû ñééđ ţö šéé ţĥéɱ? ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>⟦Ŕéàšöñ ŵî⟧</translation>
        </message>
        <message>
            <source>e.g. arranging the visit</source>
            <translation>⟦é.ĝ. àŕŕàñĝîñĝ ţĥé ṽîšîţ ŵîðé ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>KeyChangeDialog</name>
        <message>
            <source>The study pack changes the study's keys</source>
            <translation>⟦Ţĥé šţûđý þàçķ çĥàñĝéš ţĥé šţûđý'š ķéýš ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>This study pack would change where the data this laptop sends can be read. Whoever holds the new key can read everything sent from now on, and a pack sent by e-mail or on a USB stick can be forged. Read the new fingerprint to the data manager (by phone or in person) and import it only if it is theirs.</source>
            <translation>⟦Ţĥîš šţûđý þàçķ ŵöûļđ çĥàñĝé ŵĥéŕé ţĥé đàţà ţĥîš ļàþţöþ šéñđš çàñ ƀé ŕéàđ. Ŵĥöéṽéŕ ĥöļđš ţĥé ñéŵ ķéý çàñ ŕéàđ éṽéŕýţĥîñĝ šéñţ ƒŕöɱ ñöŵ öñ, àñđ à þàçķ šéñţ ƀý é-ɱàîļ öŕ öñ à ÛŠƁ šţîçķ çàñ ƀé ƒöŕĝéđ. Ŕéàđ ţĥé ñéŵ ƒîñĝéŕþŕîñţ ţö ţĥé đàţà ɱàñàĝéŕ (ƀý þĥöñé öŕ îñ þéŕšöñ) àñđ îɱþöŕţ îţ öñļý îƒ îţ îš ţĥéîŕš. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Study key in use</source>
            <translation>⟦Šţûđý ķéý îñ ûšé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Study key in this pack</source>
            <translation>⟦Šţûđý ķéý îñ ţĥîš þàçķ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Identity key in use</source>
            <translation>⟦Îđéñţîţý ķéý îñ ûšé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Identity key in this pack</source>
            <translation>⟦Îđéñţîţý ķéý îñ ţĥîš þàçķ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Identity store in use</source>
            <translation>⟦Îđéñţîţý šţöŕé îñ ûšé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Identity store in this pack</source>
            <translation>⟦Îđéñţîţý šţöŕé îñ ţĥîš þàçķ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>none</source>
            <translation>⟦ñöñé ŵî⟧</translation>
        </message>
        <message>
            <source>I have &amp;checked the new fingerprints with the data manager</source>
            <translation>⟦Î ĥàṽé &amp;çĥéçķéđ ţĥé ñéŵ ƒîñĝéŕþŕîñţš ŵîţĥ ţĥé đàţà ɱàñàĝéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Import with the new keys</source>
            <translation>⟦&amp;Îɱþöŕţ ŵîţĥ ţĥé ñéŵ ķéýš ŵîðé ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>LevelMeter</name>
        <message>
            <source>Microphone level</source>
            <translation>⟦Ṁîçŕöþĥöñé ļéṽéļ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>not capturing</source>
            <translation>⟦ñöţ çàþţûŕîñĝ ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1 dB</source>
            <translation>⟦%1 đƁ ŵî⟧</translation>
        </message>
    </context>
    <context>
        <name>LoneWorkPanel</name>
        <message>
            <source>Lone working</source>
            <translation>⟦Ļöñé ŵöŕķîñĝ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Checked in with my buddy</source>
            <translation>⟦Çĥéçķéđ îñ ŵîţĥ ɱý ƀûđđý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Checked out with my buddy</source>
            <translation>⟦Çĥéçķéđ öûţ ŵîţĥ ɱý ƀûđđý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Home safe</source>
            <translation>⟦Ĥöɱé šàƒé ŵîðé⟧</translation>
        </message>
        <message>
            <source>I used the code word</source>
            <translation>⟦Î ûšéđ ţĥé çöđé ŵöŕđ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Save buddy sheet (PDF)…</source>
            <translation>⟦Šàṽé ƀûđđý šĥééţ (ÞĐƑ) ŵîðé ŵîðé…⟧</translation>
        </message>
        <message>
            <source>include the address (logged)</source>
            <translation>⟦îñçļûđé ţĥé àđđŕéšš (ļöĝĝéđ) ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Why the address is needed</source>
            <translation>⟦Ŵĥý ţĥé àđđŕéšš îš ñééđéđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Reason to show the sealed address</source>
            <translation>⟦Ŕéàšöñ ţö šĥöŵ ţĥé šéàļéđ àđđŕéšš ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Show sealed address</source>
            <translation>⟦Šĥöŵ šéàļéđ àđđŕéšš ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Say why the address is needed; the view is logged.</source>
            <translation>⟦Šàý ŵĥý ţĥé àđđŕéšš îš ñééđéđ; ţĥé ṽîéŵ îš ļöĝĝéđ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Phone: %1</source>
            <translation>⟦Þĥöñé: %1 ŵîð⟧</translation>
        </message>
        <message>
            <source>Your buddy now: %1</source>
            <translation>⟦Ýöûŕ ƀûđđý ñöŵ: %1 ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>checked in</source>
            <translation>⟦çĥéçķéđ îñ ŵîðé⟧</translation>
        </message>
        <message>
            <source>checked out</source>
            <translation>⟦çĥéçķéđ öûţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>home safe</source>
            <translation>⟦ĥöɱé šàƒé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Record that you gave your buddy the code word: they escalate at once. %1</source>
            <translation>⟦Ŕéçöŕđ ţĥàţ ýöû ĝàṽé ýöûŕ ƀûđđý ţĥé çöđé ŵöŕđ: ţĥéý éšçàļàţé àţ öñçé. %1 ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Home safe at %1. The visit is closed.</source>
            <translation>⟦Ĥöɱé šàƒé àţ %1. Ţĥé ṽîšîţ îš çļöšéđ. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Check in with your buddy before you go in (the visit starts at %1).</source>
            <translation>⟦Çĥéçķ îñ ŵîţĥ ýöûŕ ƀûđđý ƀéƒöŕé ýöû ĝö îñ (ţĥé ṽîšîţ šţàŕţš àţ %1). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Check in with your buddy now, before you go in (by %1).</source>
            <translation>⟦Çĥéçķ îñ ŵîţĥ ýöûŕ ƀûđđý ñöŵ, ƀéƒöŕé ýöû ĝö îñ (ƀý %1). ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Check in now: there was no check-in by %1.</source>
            <translation>⟦Çĥéçķ îñ ñöŵ: ţĥéŕé ŵàš ñö çĥéçķ-îñ ƀý %1. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The visit is due to end at %1: check out with your buddy now.</source>
            <translation>⟦Ţĥé ṽîšîţ îš đûé ţö éñđ àţ %1: çĥéçķ öûţ ŵîţĥ ýöûŕ ƀûđđý ñöŵ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Checked out at %1. Confirm you are home safe when you get there.</source>
            <translation>⟦Çĥéçķéđ öûţ àţ %1. Çöñƒîŕɱ ýöû àŕé ĥöɱé šàƒé ŵĥéñ ýöû ĝéţ ţĥéŕé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Confirm you are home safe now (%1 min overdue).</source>
            <translation>⟦Çöñƒîŕɱ ýöû àŕé ĥöɱé šàƒé ñöŵ (%1 ɱîñ öṽéŕđûé). ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Code word used at %1: your buddy is escalating now.</source>
            <translation>⟦Çöđé ŵöŕđ ûšéđ àţ %1: ýöûŕ ƀûđđý îš éšçàļàţîñĝ ñöŵ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Your buddy is calling you now, because there was no check-in by %1.</source>
            <translation>⟦Ýöûŕ ƀûđđý îš çàļļîñĝ ýöû ñöŵ, ƀéçàûšé ţĥéŕé ŵàš ñö çĥéçķ-îñ ƀý %1. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Checked in at %1. Check out with your buddy by %2.</source>
            <translation>⟦Çĥéçķéđ îñ àţ %1. Çĥéçķ öûţ ŵîţĥ ýöûŕ ƀûđđý ƀý %2. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Check out with your buddy now: the visit was due to end at %1 (%2 min ago).</source>
            <translation>⟦Çĥéçķ öûţ ŵîţĥ ýöûŕ ƀûđđý ñöŵ: ţĥé ṽîšîţ ŵàš đûé ţö éñđ àţ %1 (%2 ɱîñ àĝö). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Fieldwork</source>
            <extracomment>the size a window opens at on a large screen; on a smaller one it opens maximised</extracomment>
            <translation>⟦Ƒîéļđŵöŕķ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>⟦Šéçţîöñš ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>⟦&amp;Ļöçķ ŵî⟧</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>⟦Çţŕļ+Ļ ŵî⟧</translation>
        </message>
        <message>
            <source>&amp;Switch user…</source>
            <translation>⟦&amp;Šŵîţçĥ ûšéŕ ŵîðé…⟧</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>⟦&amp;Ǫûîţ ŵî⟧</translation>
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation>⟦Çţŕļ+Ǫ ŵî⟧</translation>
        </message>
        <message>
            <source>&amp;Fieldwork</source>
            <translation>⟦&amp;Ƒîéļđŵöŕķ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Study home</source>
            <translation>⟦Šţûđý ĥöɱé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>⟦Þàŕţîçîþàñţš ŵîðé⟧</translation>
        </message>
        <message>
            <source>Prepare a session</source>
            <translation>⟦Þŕéþàŕé à šéššîöñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Take consent</source>
            <translation>⟦Ţàķé çöñšéñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>⟦Šýñç ŵî⟧</translation>
        </message>
        <message>
            <source>Analysis</source>
            <translation>⟦Àñàļýšîš ŵîð⟧</translation>
        </message>
        <message>
            <source>Session %1 is being recorded. Stop it before you open another session.</source>
            <translation>⟦Šéššîöñ %1 îš ƀéîñĝ ŕéçöŕđéđ. Šţöþ îţ ƀéƒöŕé ýöû öþéñ àñöţĥéŕ šéššîöñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Return to session</source>
            <translation>⟦Ŕéţûŕñ ţö šéššîöñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Back to the live session screen</source>
            <translation>⟦Ɓàçķ ţö ţĥé ļîṽé šéššîöñ šçŕééñ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>⟦Þàûšéđ ŵî⟧</translation>
        </message>
        <message>
            <source>● Recording</source>
            <translation>⟦● Ŕéçöŕđîñĝ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Session %1 is open</source>
            <translation>⟦Šéššîöñ %1 îš öþéñ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Ctrl+D</source>
            <translation>⟦Çţŕļ+Đ ŵî⟧</translation>
        </message>
        <message>
            <source>Type your passphrase to open the distress protocol.</source>
            <translation>⟦Ţýþé ýöûŕ þàššþĥŕàšé ţö öþéñ ţĥé đîšţŕéšš þŕöţöçöļ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Type your passphrase to mark this moment.</source>
            <translation>⟦Ţýþé ýöûŕ þàššþĥŕàšé ţö ɱàŕķ ţĥîš ɱöɱéñţ. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Pause (F8) and Stop work here without it.</source>
            <translation>⟦Þàûšé (Ƒ8) àñđ Šţöþ ŵöŕķ ĥéŕé ŵîţĥöûţ îţ. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Recover recordings</source>
            <translation>⟦Ŕéçöṽéŕ ŕéçöŕđîñĝš ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>%1 recording(s) were interrupted (the app or the laptop stopped while recording). Everything up to the last second is kept. Recover them now?</source>
            <translation>⟦%1 ŕéçöŕđîñĝ(š) ŵéŕé îñţéŕŕûþţéđ (ţĥé àþþ öŕ ţĥé ļàþţöþ šţöþþéđ ŵĥîļé ŕéçöŕđîñĝ). Éṽéŕýţĥîñĝ ûþ ţö ţĥé ļàšţ šéçöñđ îš ķéþţ. Ŕéçöṽéŕ ţĥéɱ ñöŵ? ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>%1: %2 could not be recovered (%3); the file is left as it is</source>
            <translation>⟦%1: %2 çöûļđ ñöţ ƀé ŕéçöṽéŕéđ (%3); ţĥé ƒîļé îš ļéƒţ àš îţ îš ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>%1: %2 s recovered</source>
            <translation>⟦%1: %2 š ŕéçöṽéŕéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Recordings recovered</source>
            <translation>⟦Ŕéçöŕđîñĝš ŕéçöṽéŕéđ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Nothing to recover.</source>
            <translation>⟦Ñöţĥîñĝ ţö ŕéçöṽéŕ. ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Signed in as %1</source>
            <translation>⟦Šîĝñéđ îñ àš %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>❚❚ Paused</source>
            <translation>⟦❚❚ Þàûšéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>A recording is running</source>
            <translation>⟦À ŕéçöŕđîñĝ îš ŕûññîñĝ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Session %1 is being recorded (%2). Quit stops the recording and saves it; nothing recorded is lost.</source>
            <translation>⟦Šéššîöñ %1 îš ƀéîñĝ ŕéçöŕđéđ (%2). Ǫûîţ šţöþš ţĥé ŕéçöŕđîñĝ àñđ šàṽéš îţ; ñöţĥîñĝ ŕéçöŕđéđ îš ļöšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Stop recording and quit</source>
            <translation>⟦Šţöþ ŕéçöŕđîñĝ àñđ ǫûîţ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Keep recording</source>
            <translation>⟦Ķééþ ŕéçöŕđîñĝ ŵîðé ŵ⟧</translation>
        </message>
    </context>
    <context>
        <name>PackImportDialog</name>
        <message>
            <source>Import a study pack</source>
            <translation>⟦Îɱþöŕţ à šţûđý þàçķ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Choose the folder of the study pack the data manager sent you (it holds pack.yaml). Nothing changes unless the whole pack is valid.</source>
            <translation>⟦Çĥööšé ţĥé ƒöļđéŕ öƒ ţĥé šţûđý þàçķ ţĥé đàţà ɱàñàĝéŕ šéñţ ýöû (îţ ĥöļđš þàçķ.ýàɱļ). Ñöţĥîñĝ çĥàñĝéš ûñļéšš ţĥé ŵĥöļé þàçķ îš ṽàļîđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Choose the study pack folder</source>
            <translation>⟦Çĥööšé ţĥé šţûđý þàçķ ƒöļđéŕ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Study pack folder</source>
            <translation>⟦Šţûđý þàçķ ƒöļđéŕ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>&amp;Choose folder…</source>
            <translation>⟦&amp;Çĥööšé ƒöļđéŕ ŵîðé ŵ…⟧</translation>
        </message>
        <message>
            <source>&amp;Folder</source>
            <translation>⟦&amp;Ƒöļđéŕ ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>⟦&amp;Îɱþöŕţ ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>ParticipantsPage</name>
        <message>
            <source>Participants</source>
            <translation>⟦Þàŕţîçîþàñţš ŵîðé⟧</translation>
        </message>
        <message>
            <source>Participants are known here by their study id only. Names and contact details are kept apart and shown only when you ask, with the reason recorded.</source>
            <translation>⟦Þàŕţîçîþàñţš àŕé ķñöŵñ ĥéŕé ƀý ţĥéîŕ šţûđý îđ öñļý. Ñàɱéš àñđ çöñţàçţ đéţàîļš àŕé ķéþţ àþàŕţ àñđ šĥöŵñ öñļý ŵĥéñ ýöû àšķ, ŵîţĥ ţĥé ŕéàšöñ ŕéçöŕđéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>⟦Îđ ŵî⟧</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>⟦Ĝŕöûþ ŵî⟧</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>⟦Šţàţûš ŵî⟧</translation>
        </message>
        <message>
            <source>Linked to</source>
            <translation>⟦Ļîñķéđ ţö ŵîðé⟧</translation>
        </message>
        <message>
            <source>Eligible</source>
            <translation>⟦Éļîĝîƀļé ŵîð⟧</translation>
        </message>
        <message>
            <source>Add a participant</source>
            <translation>⟦Àđđ à þàŕţîçîþàñţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Linked family member</source>
            <translation>⟦Ļîñķéđ ƒàɱîļý ɱéɱƀéŕ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Add participant</source>
            <translation>⟦&amp;Àđđ þàŕţîçîþàñţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>&amp;Group</source>
            <translation>⟦&amp;Ĝŕöûþ ŵî⟧</translation>
        </message>
        <message>
            <source>Lin&amp;ked to</source>
            <translation>⟦Ļîñ&amp;ķéđ ţö ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study id is generated from the group's id pattern.</source>
            <translation>⟦Ţĥé šţûđý îđ îš ĝéñéŕàţéđ ƒŕöɱ ţĥé ĝŕöûþ'š îđ þàţţéŕñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Eligibility screening</source>
            <translation>⟦Éļîĝîƀîļîţý šçŕééñîñĝ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Save &amp;screening</source>
            <translation>⟦Šàṽé &amp;šçŕééñîñĝ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Before the session</source>
            <translation>⟦Ɓéƒöŕé ţĥé šéššîöñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Tasks the protocol asks for before the session</source>
            <translation>⟦Ţàšķš ţĥé þŕöţöçöļ àšķš ƒöŕ ƀéƒöŕé ţĥé šéššîöñ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Mark the task &amp;done</source>
            <translation>⟦Ṁàŕķ ţĥé ţàšķ &amp;đöñé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Day the task was done</source>
            <translation>⟦Đàý ţĥé ţàšķ ŵàš đöñé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>D&amp;one on</source>
            <translation>⟦Đ&amp;öñé öñ ŵîð⟧</translation>
        </message>
        <message>
            <source>Show &amp;identity details…</source>
            <translation>⟦Šĥöŵ &amp;îđéñţîţý đéţàîļš ŵîðé ŵîðé…⟧</translation>
        </message>
        <message>
            <source>Record &amp;withdrawal…</source>
            <translation>⟦Ŕéçöŕđ &amp;ŵîţĥđŕàŵàļ ŵîðé ŵîð…⟧</translation>
        </message>
        <message>
            <source>Identity details (kept apart from research data)</source>
            <translation>⟦Îđéñţîţý đéţàîļš (ķéþţ àþàŕţ ƒŕöɱ ŕéšéàŕçĥ đàţà) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>⟦Ñàɱé ŵî⟧</translation>
        </message>
        <message>
            <source>Preferred name</source>
            <translation>⟦Þŕéƒéŕŕéđ ñàɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>⟦Þĥöñé ŵî⟧</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>⟦Éɱàîļ ŵî⟧</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>⟦Àđđŕéšš ŵîð⟧</translation>
        </message>
        <message>
            <source>Postcode</source>
            <translation>⟦Þöšţçöđé ŵîð⟧</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>⟦Ñöţéš ŵî⟧</translation>
        </message>
        <message>
            <source>Save identity details</source>
            <translation>⟦Šàṽé îđéñţîţý đéţàîļš ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Hide</source>
            <translation>⟦&amp;Ĥîđé ŵî⟧</translation>
        </message>
        <message>
            <source>not screened</source>
            <translation>⟦ñöţ šçŕééñéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>⟦ýéš ŵî⟧</translation>
        </message>
        <message>
            <source>no</source>
            <translation>⟦ñö ŵî⟧</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>⟦(çĥööšé) ŵîð⟧</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>⟦(ñöţ ŕéçöŕđéđ) ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>(not linked)</source>
            <translation>⟦(ñöţ ļîñķéđ) ŵîðé⟧</translation>
        </message>
        <message>
            <source>Choose first: %1</source>
            <translation>⟦Çĥööšé ƒîŕšţ: %1 ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Added %1. Screen eligibility next.</source>
            <translation>⟦Àđđéđ %1. Šçŕééñ éļîĝîƀîļîţý ñéẋţ. ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>%1 (done)</source>
            <translation>⟦%1 (đöñé) ŵîð⟧</translation>
        </message>
        <message>
            <source>%1 (to do)</source>
            <translation>⟦%1 (ţö đö) ŵîð⟧</translation>
        </message>
        <message>
            <source>Task marked done.</source>
            <translation>⟦Ţàšķ ɱàŕķéđ đöñé. ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>⟦Ýéš ŵî⟧</translation>
        </message>
        <message>
            <source>No</source>
            <translation>⟦Ñö ŵî⟧</translation>
        </message>
        <message>
            <source>Answer every screening question first.</source>
            <translation>⟦Àñšŵéŕ éṽéŕý šçŕééñîñĝ ǫûéšţîöñ ƒîŕšţ. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Eligible.</source>
            <translation>⟦Éļîĝîƀļé. ŵîðé⟧</translation>
        </message>
        <message>
            <source>Not eligible on these answers.</source>
            <translation>⟦Ñöţ éļîĝîƀļé öñ ţĥéšé àñšŵéŕš. ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Participant %1</source>
            <translation>⟦Þàŕţîçîþàñţ %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>Identity details saved.</source>
            <translation>⟦Îđéñţîţý đéţàîļš šàṽéđ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study's analysis cut-off: last day %1. This date comes before it.</source>
            <translation>⟦Ţĥé šţûđý'š àñàļýšîš çûţ-öƒƒ: ļàšţ đàý %1. Ţĥîš đàţé çöɱéš ƀéƒöŕé îţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The study's analysis cut-off has not started its count yet: this date comes before it.</source>
            <translation>⟦Ţĥé šţûđý'š àñàļýšîš çûţ-öƒƒ ĥàš ñöţ šţàŕţéđ îţš çöûñţ ýéţ: ţĥîš đàţé çöɱéš ƀéƒöŕé îţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>After the study's analysis cut-off (last day %1): data already analysed is kept; no new data is collected.</source>
            <translation>⟦Àƒţéŕ ţĥé šţûđý'š àñàļýšîš çûţ-öƒƒ (ļàšţ đàý %1): đàţà àļŕéàđý àñàļýšéđ îš ķéþţ; ñö ñéŵ đàţà îš çöļļéçţéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>No further contact (keep what was collected)</source>
            <translation>⟦Ñö ƒûŕţĥéŕ çöñţàçţ (ķééþ ŵĥàţ ŵàš çöļļéçţéđ) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>No further data collection</source>
            <translation>⟦Ñö ƒûŕţĥéŕ đàţà çöļļéçţîöñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Delete the data collected</source>
            <translation>⟦Đéļéţé ţĥé đàţà çöļļéçţéđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Withdrawal recorded for %1.</source>
            <translation>⟦Ŵîţĥđŕàŵàļ ŕéçöŕđéđ ƒöŕ %1. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Delete sessions not yet sent</source>
            <translation>⟦Đéļéţé šéššîöñš ñöţ ýéţ šéñţ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>%1 asked for their data to be deleted. These sessions have not been sent to the study store: %2.

They will never be sent, and their recordings, notes, markers and topic-guide coverage on this laptop will be deleted now. This cannot be undone.</source>
            <translation>⟦%1 àšķéđ ƒöŕ ţĥéîŕ đàţà ţö ƀé đéļéţéđ. Ţĥéšé šéššîöñš ĥàṽé ñöţ ƀééñ šéñţ ţö ţĥé šţûđý šţöŕé: %2.

Ţĥéý ŵîļļ ñéṽéŕ ƀé šéñţ, àñđ ţĥéîŕ ŕéçöŕđîñĝš, ñöţéš, ɱàŕķéŕš àñđ ţöþîç-ĝûîđé çöṽéŕàĝé öñ ţĥîš ļàþţöþ ŵîļļ ƀé đéļéţéđ ñöŵ. Ţĥîš çàññöţ ƀé ûñđöñé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>&amp;Delete and record the withdrawal</source>
            <translation>⟦&amp;Đéļéţé àñđ ŕéçöŕđ ţĥé ŵîţĥđŕàŵàļ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Nothing recorded: the withdrawal was not confirmed.</source>
            <translation>⟦Ñöţĥîñĝ ŕéçöŕđéđ: ţĥé ŵîţĥđŕàŵàļ ŵàš ñöţ çöñƒîŕɱéđ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>PreparePage</name>
        <message>
            <source>Prepare a session</source>
            <translation>⟦Þŕéþàŕé à šéššîöñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>⟦Šéššîöñ ŵîð⟧</translation>
        </message>
        <message>
            <source>Session:</source>
            <translation>⟦Šéššîöñ ŵîð:⟧</translation>
        </message>
        <message>
            <source>Who, how, where and when</source>
            <translation>⟦Ŵĥö, ĥöŵ, ŵĥéŕé àñđ ŵĥéñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>⟦Þàŕţîçîþàñţš ŵîðé⟧</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>⟦Ƒöŕɱàţ ŵî⟧</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>⟦Ļöçàţîöñ ŵîð⟧</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>⟦Đàţé àñđ ţîɱé ŵîðé⟧</translation>
        </message>
        <message>
            <source> min</source>
            <translation>⟦ ɱîñ ŵî⟧</translation>
        </message>
        <message>
            <source>Planned length</source>
            <translation>⟦Þļàññéđ ļéñĝţĥ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>&amp;Create session</source>
            <translation>⟦&amp;Çŕéàţé šéššîöñ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Save &amp;date and time</source>
            <translation>⟦Šàṽé &amp;đàţé àñđ ţîɱé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Participants</source>
            <translation>⟦&amp;Þàŕţîçîþàñţš ŵîðé⟧</translation>
        </message>
        <message>
            <source>F&amp;ormat</source>
            <translation>⟦Ƒ&amp;öŕɱàţ ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Location</source>
            <translation>⟦&amp;Ļöçàţîöñ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Da&amp;te and time</source>
            <translation>⟦Đà&amp;ţé àñđ ţîɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Planned le&amp;ngth</source>
            <translation>⟦Þļàññéđ ļé&amp;ñĝţĥ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Documents in use (chosen by the study pack)</source>
            <translation>⟦Đöçûɱéñţš îñ ûšé (çĥöšéñ ƀý ţĥé šţûđý þàçķ) ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Create the session to see its documents.</source>
            <translation>⟦Çŕéàţé ţĥé šéššîöñ ţö šéé îţš đöçûɱéñţš. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Information sheet PDF…</source>
            <translation>⟦Îñƒöŕɱàţîöñ šĥééţ ÞĐƑ ŵîðé ŵîðé…⟧</translation>
        </message>
        <message>
            <source>Consent form PDF…</source>
            <translation>⟦Çöñšéñţ ƒöŕɱ ÞĐƑ ŵîðé ŵî…⟧</translation>
        </message>
        <message>
            <source>Lone-working plan (home visit)</source>
            <translation>⟦Ļöñé-ŵöŕķîñĝ þļàñ (ĥöɱé ṽîšîţ) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Buddy name</source>
            <translation>⟦Ɓûđđý ñàɱé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Buddy phone number</source>
            <translation>⟦Ɓûđđý þĥöñé ñûɱƀéŕ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Back-up buddy name</source>
            <translation>⟦Ɓàçķ-ûþ ƀûđđý ñàɱé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Back-up buddy phone number</source>
            <translation>⟦Ɓàçķ-ûþ ƀûđđý þĥöñé ñûɱƀéŕ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Visit start</source>
            <translation>⟦Ṽîšîţ šţàŕţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Expected end</source>
            <translation>⟦Éẋþéçţéđ éñđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Travel-home time</source>
            <translation>⟦Ţŕàṽéļ-ĥöɱé ţîɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Code word agreed with the buddy</source>
            <translation>⟦Çöđé ŵöŕđ àĝŕééđ ŵîţĥ ţĥé ƀûđđý ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Risk assessment done</source>
            <translation>⟦Ŕîšķ àššéššɱéñţ đöñé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Visit address</source>
            <translation>⟦Ṽîšîţ àđđŕéšš ŵîðé⟧</translation>
        </message>
        <message>
            <source>Sealed in the identity store when saved</source>
            <translation>⟦Šéàļéđ îñ ţĥé îđéñţîţý šţöŕé ŵĥéñ šàṽéđ ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Sa&amp;ve lone-working plan</source>
            <translation>⟦Šà&amp;ṽé ļöñé-ŵöŕķîñĝ þļàñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Buddy name</source>
            <translation>⟦&amp;Ɓûđđý ñàɱé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Buddy p&amp;hone</source>
            <translation>⟦Ɓûđđý þ&amp;ĥöñé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Back-&amp;up buddy</source>
            <translation>⟦Ɓàçķ-&amp;ûþ ƀûđđý ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Bac&amp;k-up buddy phone</source>
            <translation>⟦Ɓàç&amp;ķ-ûþ ƀûđđý þĥöñé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Visit &amp;start</source>
            <translation>⟦Ṽîšîţ &amp;šţàŕţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>E&amp;xpected end</source>
            <translation>⟦É&amp;ẋþéçţéđ éñđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>T&amp;ravel home</source>
            <translation>⟦Ţ&amp;ŕàṽéļ ĥöɱé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Visit &amp;address</source>
            <translation>⟦Ṽîšîţ &amp;àđđŕéšš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Kit check</source>
            <translation>⟦Ķîţ çĥéçķ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Check the &amp;microphone</source>
            <translation>⟦Çĥéçķ ţĥé &amp;ɱîçŕöþĥöñé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Play the check back</source>
            <translation>⟦Þļàý ţĥé çĥéçķ ƀàçķ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Battery charged (and charger packed)</source>
            <translation>⟦Ɓàţţéŕý çĥàŕĝéđ (àñđ çĥàŕĝéŕ þàçķéđ) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Battery now: %1</source>
            <translation>⟦Ɓàţţéŕý ñöŵ: %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>No battery reading here.</source>
            <translation>⟦Ñö ƀàţţéŕý ŕéàđîñĝ ĥéŕé. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Interpreter booked for this session</source>
            <translation>⟦Îñţéŕþŕéţéŕ ƀööķéđ ƒöŕ ţĥîš šéššîöñ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Witness booked for this session</source>
            <translation>⟦Ŵîţñéšš ƀööķéđ ƒöŕ ţĥîš šéššîöñ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Ready?</source>
            <translation>⟦Ŕéàđý? ŵî⟧</translation>
        </message>
        <message>
            <source>&amp;Go to consent</source>
            <translation>⟦&amp;Ĝö ţö çöñšéñţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>New session…</source>
            <translation>⟦Ñéŵ šéššîöñ ŵîðé…⟧</translation>
        </message>
        <message>
            <source>Printable copies are not available in this version.</source>
            <translation>⟦Þŕîñţàƀļé çöþîéš àŕé ñöţ àṽàîļàƀļé îñ ţĥîš ṽéŕšîöñ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Create the session to see its checklist.</source>
            <translation>⟦Çŕéàţé ţĥé šéššîöñ ţö šéé îţš çĥéçķļîšţ. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Topic guide: %1</source>
            <translation>⟦Ţöþîç ĝûîđé: %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>none</source>
            <translation>⟦ñöñé ŵî⟧</translation>
        </message>
        <message>
            <source>%1: consent form %2; information sheet %3</source>
            <translation>⟦%1: çöñšéñţ ƒöŕɱ %2; îñƒöŕɱàţîöñ šĥééţ %3 ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The visit address is sealed.</source>
            <translation>⟦Ţĥé ṽîšîţ àđđŕéšš îš šéàļéđ. ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>No visit address sealed yet.</source>
            <translation>⟦Ñö ṽîšîţ àđđŕéšš šéàļéđ ýéţ. ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Microphone OK</source>
            <translation>⟦Ṁîçŕöþĥöñé ÖĶ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Microphone check failed</source>
            <translation>⟦Ṁîçŕöþĥöñé çĥéçķ ƒàîļéđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Disk: %1</source>
            <translation>⟦Đîšķ: %1 ŵî⟧</translation>
        </message>
        <message>
            <source>Session %1 created.</source>
            <translation>⟦Šéššîöñ %1 çŕéàţéđ. ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Lone-working plan saved.</source>
            <translation>⟦Ļöñé-ŵöŕķîñĝ þļàñ šàṽéđ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>A recording is running; the microphone cannot be checked now.</source>
            <translation>⟦À ŕéçöŕđîñĝ îš ŕûññîñĝ; ţĥé ɱîçŕöþĥöñé çàññöţ ƀé çĥéçķéđ ñöŵ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Listening for three seconds… please say a few words.</source>
            <translation>⟦Ļîšţéñîñĝ ƒöŕ ţĥŕéé šéçöñđš… þļéàšé šàý à ƒéŵ ŵöŕđš. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Silence: is the microphone connected and switched on?</source>
            <translation>⟦Šîļéñçé: îš ţĥé ɱîçŕöþĥöñé çöññéçţéđ àñđ šŵîţçĥéđ öñ? ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Too loud (clipping): move the microphone further away.</source>
            <translation>⟦Ţöö ļöûđ (çļîþþîñĝ): ɱöṽé ţĥé ɱîçŕöþĥöñé ƒûŕţĥéŕ àŵàý. ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>⟦Šàṽé ÞĐƑ ŵîð⟧</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>⟦ÞĐƑ (*.þđƒ) ŵîðé⟧</translation>
        </message>
        <message>
            <source>PDF saved.</source>
            <translation>⟦ÞĐƑ šàṽéđ. ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>QuestionRow</name>
        <message>
            <source>Sensitive question: remind the participant they can skip it.</source>
            <translation>⟦Šéñšîţîṽé ǫûéšţîöñ: ŕéɱîñđ ţĥé þàŕţîçîþàñţ ţĥéý çàñ šķîþ îţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Asked</source>
            <translation>⟦Àšķéđ ŵî⟧</translation>
        </message>
        <message>
            <source>Covered anyway</source>
            <translation>⟦Çöṽéŕéđ àñýŵàý ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Skip…</source>
            <translation>⟦Šķîþ ŵî…⟧</translation>
        </message>
        <message>
            <source>Why it was skipped</source>
            <translation>⟦Ŵĥý îţ ŵàš šķîþþéđ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Reason for skipping %1</source>
            <translation>⟦Ŕéàšöñ ƒöŕ šķîþþîñĝ %1 ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Skip with this reason</source>
            <translation>⟦Šķîþ ŵîţĥ ţĥîš ŕéàšöñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>amplificatory</source>
            <translation>⟦àɱþļîƒîçàţöŕý ŵîðé⟧</translation>
        </message>
        <message>
            <source>exploratory</source>
            <translation>⟦éẋþļöŕàţöŕý ŵîðé⟧</translation>
        </message>
        <message>
            <source>explanatory</source>
            <translation>⟦éẋþļàñàţöŕý ŵîðé⟧</translation>
        </message>
        <message>
            <source>clarificatory</source>
            <translation>⟦çļàŕîƒîçàţöŕý ŵîðé⟧</translation>
        </message>
        <message>
            <source>Type a reason to skip.</source>
            <translation>⟦Ţýþé à ŕéàšöñ ţö šķîþ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>asked</source>
            <translation>⟦àšķéđ ŵî⟧</translation>
        </message>
        <message>
            <source>covered anyway</source>
            <translation>⟦çöṽéŕéđ àñýŵàý ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>⟦šķîþþéđ ŵîð⟧</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>⟦ñöţ ýéţ ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>Readiness</name>
        <message>
            <source>participants chosen</source>
            <translation>⟦þàŕţîçîþàñţš çĥöšéñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>date and time set</source>
            <translation>⟦đàţé àñđ ţîɱé šéţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>consent form, information sheet and topic guide in use</source>
            <translation>⟦çöñšéñţ ƒöŕɱ, îñƒöŕɱàţîöñ šĥééţ àñđ ţöþîç ĝûîđé îñ ûšé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>tasks the protocol asks for first</source>
            <translation>⟦ţàšķš ţĥé þŕöţöçöļ àšķš ƒöŕ ƒîŕšţ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>participant details the study asks for recorded</source>
            <translation>⟦þàŕţîçîþàñţ đéţàîļš ţĥé šţûđý àšķš ƒöŕ ŕéçöŕđéđ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>lone-working plan</source>
            <translation>⟦ļöñé-ŵöŕķîñĝ þļàñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>microphone checked</source>
            <translation>⟦ɱîçŕöþĥöñé çĥéçķéđ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>free disk for the planned length</source>
            <translation>⟦ƒŕéé đîšķ ƒöŕ ţĥé þļàññéđ ļéñĝţĥ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>battery charged</source>
            <translation>⟦ƀàţţéŕý çĥàŕĝéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>interpreter booked</source>
            <translation>⟦îñţéŕþŕéţéŕ ƀööķéđ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>witness booked</source>
            <translation>⟦ŵîţñéšš ƀööķéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>buddy name</source>
            <translation>⟦ƀûđđý ñàɱé ŵîðé⟧</translation>
        </message>
        <message>
            <source>buddy phone</source>
            <translation>⟦ƀûđđý þĥöñé ŵîðé⟧</translation>
        </message>
        <message>
            <source>back-up buddy name</source>
            <translation>⟦ƀàçķ-ûþ ƀûđđý ñàɱé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>back-up buddy phone</source>
            <translation>⟦ƀàçķ-ûþ ƀûđđý þĥöñé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>start time</source>
            <translation>⟦šţàŕţ ţîɱé ŵîðé⟧</translation>
        </message>
        <message>
            <source>expected end</source>
            <translation>⟦éẋþéçţéđ éñđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>travel-home time</source>
            <translation>⟦ţŕàṽéļ-ĥöɱé ţîɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>code word agreed</source>
            <translation>⟦çöđé ŵöŕđ àĝŕééđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>risk assessment</source>
            <translation>⟦ŕîšķ àššéššɱéñţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>expected end after start</source>
            <translation>⟦éẋþéçţéđ éñđ àƒţéŕ šţàŕţ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>valid start and end times</source>
            <translation>⟦ṽàļîđ šţàŕţ àñđ éñđ ţîɱéš ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>visit address sealed</source>
            <translation>⟦ṽîšîţ àđđŕéšš šéàļéđ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>no topic guide chosen</source>
            <translation>⟦ñö ţöþîç ĝûîđé çĥöšéñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>no consent form chosen</source>
            <translation>⟦ñö çöñšéñţ ƒöŕɱ çĥöšéñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>no information sheet chosen</source>
            <translation>⟦ñö îñƒöŕɱàţîöñ šĥééţ çĥöšéñ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{what} {doc} v{version} is not in the study pack</source>
            <translation>⟦{what} {doc} ṽ{version} îš ñöţ îñ ţĥé šţûđý þàçķ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{what} {doc} v{version} superseded</source>
            <translation>⟦{what} {doc} ṽ{version} šûþéŕšéđéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{what} {doc} v{version} approved but not in use</source>
            <translation>⟦{what} {doc} ṽ{version} àþþŕöṽéđ ƀûţ ñöţ îñ ûšé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{what} {doc} v{version} not approved yet</source>
            <translation>⟦{what} {doc} ṽ{version} ñöţ àþþŕöṽéđ ýéţ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{what} {doc} v{version} still a draft</source>
            <translation>⟦{what} {doc} ṽ{version} šţîļļ à đŕàƒţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>topic guide</source>
            <translation>⟦ţöþîç ĝûîđé ŵîðé⟧</translation>
        </message>
        <message>
            <source>consent form</source>
            <translation>⟦çöñšéñţ ƒöŕɱ ŵîðé⟧</translation>
        </message>
        <message>
            <source>information sheet</source>
            <translation>⟦îñƒöŕɱàţîöñ šĥééţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{what} {doc} v{version} not in use</source>
            <translation>⟦{what} {doc} ṽ{version} ñöţ îñ ûšé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{participant}: '{task}' was done less than {days} day(s) before the session</source>
            <translation>⟦{participant}: '{task}' ŵàš đöñé ļéšš ţĥàñ {days} đàý(š) ƀéƒöŕé ţĥé šéššîöñ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{participant}: '{task}' must be done at least {days} day(s) before the session; set the session's date so they can be counted</source>
            <translation>⟦{participant}: '{task}' ɱûšţ ƀé đöñé àţ ļéàšţ {days} đàý(š) ƀéƒöŕé ţĥé šéššîöñ; šéţ ţĥé šéššîöñ'š đàţé šö ţĥéý çàñ ƀé çöûñţéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{participant}: '{task}' is not done yet</source>
            <translation>⟦{participant}: '{task}' îš ñöţ đöñé ýéţ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>; plan a new session, which takes the versions in use</source>
            <translation>⟦; þļàñ à ñéŵ šéššîöñ, ŵĥîçĥ ţàķéš ţĥé ṽéŕšîöñš îñ ûšé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the protocol asks for an interpreter at the consent</source>
            <translation>⟦ţĥé þŕöţöçöļ àšķš ƒöŕ àñ îñţéŕþŕéţéŕ àţ ţĥé çöñšéñţ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the protocol asks for a witness at the consent</source>
            <translation>⟦ţĥé þŕöţöçöļ àšķš ƒöŕ à ŵîţñéšš àţ ţĥé çöñšéñţ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{free} MiB free, {need} MiB needed</source>
            <translation>⟦{free} ṀîƁ ƒŕéé, {need} ṀîƁ ñééđéđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>peak {dbfs} dBFS</source>
            <translation>⟦þéàķ {dbfs} đƁƑŠ ŵîðé⟧</translation>
        </message>
        <message>
            <source> (the protocol asks for it first)</source>
            <translation>⟦ (ţĥé þŕöţöçöļ àšķš ƒöŕ îţ ƒîŕšţ) ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{participant} has withdrawn</source>
            <translation>⟦{participant} ĥàš ŵîţĥđŕàŵñ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{participant} has not been screened eligible</source>
            <translation>⟦{participant} ĥàš ñöţ ƀééñ šçŕééñéđ éļîĝîƀļé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>a task the protocol asks for first is not done</source>
            <translation>⟦à ţàšķ ţĥé þŕöţöçöļ àšķš ƒöŕ ƒîŕšţ îš ñöţ đöñé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the protocol asks for {participant}'s capacity to be assessed at this session first</source>
            <translation>⟦ţĥé þŕöţöçöļ àšķš ƒöŕ {participant}'š çàþàçîţý ţö ƀé àššéššéđ àţ ţĥîš šéššîöñ ƒîŕšţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the capacity assessment at this session found {participant} cannot decide now</source>
            <translation>⟦ţĥé çàþàçîţý àššéššɱéñţ àţ ţĥîš šéššîöñ ƒöûñđ {participant} çàññöţ đéçîđé ñöŵ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{participant} has not given consent</source>
            <translation>⟦{participant} ĥàš ñöţ ĝîṽéñ çöñšéñţ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{participant}'s consultee has not given their advice: record it with the consent</source>
            <translation>⟦{participant}'š çöñšûļţéé ĥàš ñöţ ĝîṽéñ ţĥéîŕ àđṽîçé: ŕéçöŕđ îţ ŵîţĥ ţĥé çöñšéñţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{participant} was assessed able to decide after the consultee's advice was recorded: take {participant}'s own consent before recording</source>
            <translation>⟦{participant} ŵàš àššéššéđ àƀļé ţö đéçîđé àƒţéŕ ţĥé çöñšûļţéé'š àđṽîçé ŵàš ŕéçöŕđéđ: ţàķé {participant}'š öŵñ çöñšéñţ ƀéƒöŕé ŕéçöŕđîñĝ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{participant} declined consent after giving it: take consent again before recording</source>
            <translation>⟦{participant} đéçļîñéđ çöñšéñţ àƒţéŕ ĝîṽîñĝ îţ: ţàķé çöñšéñţ àĝàîñ ƀéƒöŕé ŕéçöŕđîñĝ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{participant} has not affirmed the recording statement</source>
            <translation>⟦{participant} ĥàš ñöţ àƒƒîŕɱéđ ţĥé ŕéçöŕđîñĝ šţàţéɱéñţ ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
    </context>
    <context>
        <name>RecordingBar</name>
        <message>
            <source>Recording state</source>
            <translation>⟦Ŕéçöŕđîñĝ šţàţé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Recording time</source>
            <translation>⟦Ŕéçöŕđîñĝ ţîɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Start recording</source>
            <translation>⟦Šţàŕţ ŕéçöŕđîñĝ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>⟦Þàûšé ŵî⟧</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>⟦Šţöþ ŵî⟧</translation>
        </message>
        <message>
            <source>Stop and save this take (a new take can follow)</source>
            <translation>⟦Šţöþ àñđ šàṽé ţĥîš ţàķé (à ñéŵ ţàķé çàñ ƒöļļöŵ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Stop recording</source>
            <translation>⟦Šţöþ ŕéçöŕđîñĝ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Distress</source>
            <translation>⟦Đîšţŕéšš ŵîð⟧</translation>
        </message>
        <message>
            <source>Distress protocol</source>
            <translation>⟦Đîšţŕéšš þŕöţöçöļ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Distress protocol (Ctrl+D, from any page)</source>
            <translation>⟦Đîšţŕéšš þŕöţöçöļ (Çţŕļ+Đ, ƒŕöɱ àñý þàĝé) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Safeguarding…</source>
            <translation>⟦Šàƒéĝûàŕđîñĝ ŵîðé…⟧</translation>
        </message>
        <message>
            <source>Safeguarding concern</source>
            <translation>⟦Šàƒéĝûàŕđîñĝ çöñçéŕñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Record a safeguarding concern (kept in the identity store)</source>
            <translation>⟦Ŕéçöŕđ à šàƒéĝûàŕđîñĝ çöñçéŕñ (ķéþţ îñ ţĥé îđéñţîţý šţöŕé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>End session…</source>
            <translation>⟦Éñđ šéššîöñ ŵîðé…⟧</translation>
        </message>
        <message>
            <source>Stop the recording and go to the close-out</source>
            <translation>⟦Šţöþ ţĥé ŕéçöŕđîñĝ àñđ ĝö ţö ţĥé çļöšé-öûţ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Mark:</source>
            <translation>⟦Ṁàŕķ ŵî:⟧</translation>
        </message>
        <message>
            <source>Marker</source>
            <translation>⟦Ṁàŕķéŕ ŵî⟧</translation>
        </message>
        <message>
            <source>A plain marker</source>
            <translation>⟦À þļàîñ ɱàŕķéŕ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Important</source>
            <translation>⟦Îɱþöŕţàñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Something important was said</source>
            <translation>⟦Šöɱéţĥîñĝ îɱþöŕţàñţ ŵàš šàîđ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Follow up</source>
            <translation>⟦Ƒöļļöŵ ûþ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Come back to this later</source>
            <translation>⟦Çöɱé ƀàçķ ţö ţĥîš ļàţéŕ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>⟦Ǫûöţé ŵî⟧</translation>
        </message>
        <message>
            <source>A quotable moment</source>
            <translation>⟦À ǫûöţàƀļé ɱöɱéñţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Sensitive</source>
            <translation>⟦Šéñšîţîṽé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Sensitive talk: handle with care</source>
            <translation>⟦Šéñšîţîṽé ţàļķ: ĥàñđļé ŵîţĥ çàŕé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Marker: %1</source>
            <translation>⟦Ṁàŕķéŕ: %1 ŵîð⟧</translation>
        </message>
        <message>
            <source>Speaker</source>
            <translation>⟦Šþéàķéŕ ŵîð⟧</translation>
        </message>
        <message>
            <source>Speaker:</source>
            <translation>⟦Šþéàķéŕ ŵîð:⟧</translation>
        </message>
        <message>
            <source>(no tag)</source>
            <translation>⟦(ñö ţàĝ) ŵîð⟧</translation>
        </message>
        <message>
            <source>Facilitator</source>
            <translation>⟦Ƒàçîļîţàţöŕ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Disk full</source>
            <translation>⟦Đîšķ ƒûļļ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Saving failed</source>
            <translation>⟦Šàṽîñĝ ƒàîļéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>● RECORDING</source>
            <translation>⟦● ŔÉÇÖŔĐÎÑĜ ŵîðé⟧</translation>
        </message>
        <message>
            <source>❚❚ PAUSED</source>
            <translation>⟦❚❚ ÞÀÛŠÉĐ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Not recording</source>
            <translation>⟦Ñöţ ŕéçöŕđîñĝ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Microphone problem</source>
            <translation>⟦Ṁîçŕöþĥöñé þŕöƀļéɱ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>⟦Ŕéšûɱé ŵî⟧</translation>
        </message>
        <message>
            <source>Resume the recording (F8, from any page)</source>
            <translation>⟦Ŕéšûɱé ţĥé ŕéçöŕđîñĝ (Ƒ8, ƒŕöɱ àñý þàĝé) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Pause the recording (F8, from any page)</source>
            <translation>⟦Þàûšé ţĥé ŕéçöŕđîñĝ (Ƒ8, ƒŕöɱ àñý þàĝé) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
    </context>
    <context>
        <name>SafeguardingForm</name>
        <message>
            <source>Who is at risk</source>
            <translation>⟦Ŵĥö îš àţ ŕîšķ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>What was said (near-verbatim)</source>
            <translation>⟦Ŵĥàţ ŵàš šàîđ (ñéàŕ-ṽéŕƀàţîɱ) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Who was present</source>
            <translation>⟦Ŵĥö ŵàš þŕéšéñţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Actions taken</source>
            <translation>⟦Àçţîöñš ţàķéñ ŵîðé⟧</translation>
        </message>
        <message>
            <source>The participant's view (if told)</source>
            <translation>⟦Ţĥé þàŕţîçîþàñţ'š ṽîéŵ (îƒ ţöļđ) ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Escalated to (role)</source>
            <translation>⟦Éšçàļàţéđ ţö (ŕöļé) ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>⟦Đéçîšîöñ ŵîð⟧</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>⟦Ŕéàšöñš ŵîð⟧</translation>
        </message>
        <message>
            <source>Follow-up status</source>
            <translation>⟦Ƒöļļöŵ-ûþ šţàţûš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Safeguarding concern</source>
            <translation>⟦Šàƒéĝûàŕđîñĝ çöñçéŕñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>The record</source>
            <translation>⟦Ţĥé ŕéçöŕđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Participant</source>
            <translation>⟦Þàŕţîçîþàñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Risk category</source>
            <translation>⟦Ŕîšķ çàţéĝöŕý ŵîðé⟧</translation>
        </message>
        <message>
            <source>Escalated at</source>
            <translation>⟦Éšçàļàţéđ àţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>escalated at</source>
            <translation>⟦éšçàļàţéđ àţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>The participant was told that information will be passed on</source>
            <translation>⟦Ţĥé þàŕţîçîþàñţ ŵàš ţöļđ ţĥàţ îñƒöŕɱàţîöñ ŵîļļ ƀé þàššéđ öñ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>with the participant's consent</source>
            <translation>⟦ŵîţĥ ţĥé þàŕţîçîþàñţ'š çöñšéñţ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Referral: agency</source>
            <translation>⟦Ŕéƒéŕŕàļ: àĝéñçý ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The participant the concern is about</source>
            <translation>⟦Ţĥé þàŕţîçîþàñţ ţĥé çöñçéŕñ îš àƀöûţ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Referral: reference</source>
            <translation>⟦Ŕéƒéŕŕàļ: ŕéƒéŕéñçé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Referral: method</source>
            <translation>⟦Ŕéƒéŕŕàļ: ɱéţĥöđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Information sharing (including decisions not to share)</source>
            <translation>⟦Îñƒöŕɱàţîöñ šĥàŕîñĝ (îñçļûđîñĝ đéçîšîöñš ñöţ ţö šĥàŕé) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>What</source>
            <translation>⟦Ŵĥàţ ŵî⟧</translation>
        </message>
        <message>
            <source>To whom</source>
            <translation>⟦Ţö ŵĥöɱ ŵîð⟧</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>⟦Ŵĥý ŵî⟧</translation>
        </message>
        <message>
            <source>Sharing: %1</source>
            <translation>⟦Šĥàŕîñĝ: %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>When</source>
            <translation>⟦Ŵĥéñ ŵî⟧</translation>
        </message>
        <message>
            <source>decided not to share</source>
            <translation>⟦đéçîđéđ ñöţ ţö šĥàŕé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Save the record</source>
            <translation>⟦Šàṽé ţĥé ŕéçöŕđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Record complete</source>
            <translation>⟦Ŕéçöŕđ çöɱþļéţé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Back to the interview</source>
            <translation>⟦Ɓàçķ ţö ţĥé îñţéŕṽîéŵ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Saving changes whom record %1 is about; the change is kept in its history.</source>
            <translation>⟦Šàṽîñĝ çĥàñĝéš ŵĥöɱ ŕéçöŕđ %1 îš àƀöûţ; ţĥé çĥàñĝé îš ķéþţ îñ îţš ĥîšţöŕý. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Chosen as in the distress protocol's "Whom it concerns"; change it if the concern is about someone else.</source>
            <translation>⟦Çĥöšéñ àš îñ ţĥé đîšţŕéšš þŕöţöçöļ'š "Ŵĥöɱ îţ çöñçéŕñš"; çĥàñĝé îţ îƒ ţĥé çöñçéŕñ îš àƀöûţ šöɱéöñé éļšé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Designated lead: %1</source>
            <translation>⟦Đéšîĝñàţéđ ļéàđ: %1 ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>⟦(çĥööšé) ŵîð⟧</translation>
        </message>
        <message>
            <source>(choose whom the concern is about)</source>
            <translation>⟦(çĥööšé ŵĥöɱ ţĥé çöñçéŕñ îš àƀöûţ) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Safeguarding route for %1: %2</source>
            <translation>⟦Šàƒéĝûàŕđîñĝ ŕöûţé ƒöŕ %1: %2 ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Safeguarding route: %1</source>
            <translation>⟦Šàƒéĝûàŕđîñĝ ŕöûţé: %1 ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>%1 (the contact for this route)</source>
            <translation>⟦%1 (ţĥé çöñţàçţ ƒöŕ ţĥîš ŕöûţé) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Choose whom the concern is about before saving: this session has several participants.</source>
            <translation>⟦Çĥööšé ŵĥöɱ ţĥé çöñçéŕñ îš àƀöûţ ƀéƒöŕé šàṽîñĝ: ţĥîš šéššîöñ ĥàš šéṽéŕàļ þàŕţîçîþàñţš. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Record %1 is complete and kept in the identity store.</source>
            <translation>⟦Ŕéçöŕđ %1 îš çöɱþļéţé àñđ ķéþţ îñ ţĥé îđéñţîţý šţöŕé. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Record %1 saved in the identity store.</source>
            <translation>⟦Ŕéçöŕđ %1 šàṽéđ îñ ţĥé îđéñţîţý šţöŕé. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>A task to finish and escalate it today is on the study home.</source>
            <translation>⟦À ţàšķ ţö ƒîñîšĥ àñđ éšçàļàţé îţ ţöđàý îš öñ ţĥé šţûđý ĥöɱé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Still needed to complete: %1.</source>
            <translation>⟦Šţîļļ ñééđéđ ţö çöɱþļéţé: %1. ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>It is about %1.</source>
            <translation>⟦Îţ îš àƀöûţ %1. ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>SaveClear</name>
        <message>
            <source>Save outside the vault</source>
            <translation>⟦Šàṽé öûţšîđé ţĥé ṽàûļţ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Save &amp;encrypted…</source>
            <translation>⟦Šàṽé &amp;éñçŕýþţéđ ŵîðé ŵ…⟧</translation>
        </message>
        <message>
            <source>Save &amp;unencrypted…</source>
            <translation>⟦Šàṽé &amp;ûñéñçŕýþţéđ ŵîðé ŵî…⟧</translation>
        </message>
        <message>
            <source>Passphrase for the encrypted file</source>
            <translation>⟦Þàššþĥŕàšé ƒöŕ ţĥé éñçŕýþţéđ ƒîļé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>⟦&amp;Þàššþĥŕàšé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Repeat it</source>
            <translation>⟦&amp;Ŕéþéàţ îţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Save as</source>
            <translation>⟦Šàṽé àš ŵîð⟧</translation>
        </message>
        <message>
            <source>Encrypted (*.age)</source>
            <translation>⟦Éñçŕýþţéđ (*.àĝé) ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>⟦ÞĐƑ (*.þđƒ) ŵîðé⟧</translation>
        </message>
        <message>
            <source>This file will contain %1.

It is saved outside the encrypted vault: anyone who can open the file can read it. An encrypted file (age) needs a passphrase to open, with the standard age tool (age -d FILE.age). The saving is written to the audit log (what kind of file, not where).</source>
            <translation>⟦Ţĥîš ƒîļé ŵîļļ çöñţàîñ %1.

Îţ îš šàṽéđ öûţšîđé ţĥé éñçŕýþţéđ ṽàûļţ: àñýöñé ŵĥö çàñ öþéñ ţĥé ƒîļé çàñ ŕéàđ îţ. Àñ éñçŕýþţéđ ƒîļé (àĝé) ñééđš à þàššþĥŕàšé ţö öþéñ, ŵîţĥ ţĥé šţàñđàŕđ àĝé ţööļ (àĝé -đ ƑÎĻÉ.àĝé). Ţĥé šàṽîñĝ îš ŵŕîţţéñ ţö ţĥé àûđîţ ļöĝ (ŵĥàţ ķîñđ öƒ ƒîļé, ñöţ ŵĥéŕé). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>At least %1 characters. Give it to the person who opens the file by another way than the file.</source>
            <translation>⟦Àţ ļéàšţ %1 çĥàŕàçţéŕš. Ĝîṽé îţ ţö ţĥé þéŕšöñ ŵĥö öþéñš ţĥé ƒîļé ƀý àñöţĥéŕ ŵàý ţĥàñ ţĥé ƒîļé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>⟦Ţĥé ţŵö þàššþĥŕàšéš đîƒƒéŕ. ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The passphrase needs at least %1 characters.</source>
            <translation>⟦Ţĥé þàššþĥŕàšé ñééđš àţ ļéàšţ %1 çĥàŕàçţéŕš. ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
    </context>
    <context>
        <name>SectionBox</name>
        <message>
            <source>%1. %2 · about %3 min</source>
            <translation>⟦%1. %2 · àƀöûţ %3 ɱîñ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Aim: %1</source>
            <translation>⟦Àîɱ: %1 ŵî⟧</translation>
        </message>
        <message>
            <source>not started</source>
            <translation>⟦ñöţ šţàŕţéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Start this section</source>
            <translation>⟦Šţàŕţ ţĥîš šéçţîöñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Start section %1</source>
            <translation>⟦Šţàŕţ šéçţîöñ %1 ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>%1 min (plan %2; %3 over)</source>
            <translation>⟦%1 ɱîñ (þļàñ %2; %3 öṽéŕ) ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>%1 of %2 min</source>
            <translation>⟦%1 öƒ %2 ɱîñ ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>SessionScreen</name>
        <message>
            <source>Recover now</source>
            <translation>⟦Ŕéçöṽéŕ ñöŵ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Topic guide</source>
            <translation>⟦Ţöþîç ĝûîđé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Focus group</source>
            <translation>⟦Ƒöçûš ĝŕöûþ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Members present</source>
            <translation>⟦Ṁéɱƀéŕš þŕéšéñţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Ground rules to read at the start</source>
            <translation>⟦Ĝŕöûñđ ŕûļéš ţö ŕéàđ àţ ţĥé šţàŕţ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>⟦Ñöţéš ŵî⟧</translation>
        </message>
        <message>
            <source>Notes so far</source>
            <translation>⟦Ñöţéš šö ƒàŕ ŵîðé⟧</translation>
        </message>
        <message>
            <source>New note</source>
            <translation>⟦Ñéŵ ñöţé ŵîð⟧</translation>
        </message>
        <message>
            <source>Type a note, Enter to save (timed from when you began)</source>
            <translation>⟦Ţýþé à ñöţé, Éñţéŕ ţö šàṽé (ţîɱéđ ƒŕöɱ ŵĥéñ ýöû ƀéĝàñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Takes</source>
            <translation>⟦Ţàķéš ŵî⟧</translation>
        </message>
        <message>
            <source>Recording takes of this session</source>
            <translation>⟦Ŕéçöŕđîñĝ ţàķéš öƒ ţĥîš šéššîöñ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>⟦Îñţéŕṽîéŵ ŵîðé⟧</translation>
        </message>
        <message>
            <source>consented</source>
            <translation>⟦çöñšéñţéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>consent needed</source>
            <translation>⟦çöñšéñţ ñééđéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>%1 take(s) could not be recovered and are left as they are: %2. Tell the data manager.</source>
            <translation>⟦%1 ţàķé(š) çöûļđ ñöţ ƀé ŕéçöṽéŕéđ àñđ àŕé ļéƒţ àš ţĥéý àŕé: %2. Ţéļļ ţĥé đàţà ɱàñàĝéŕ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Nothing needed recovering.</source>
            <translation>⟦Ñöţĥîñĝ ñééđéđ ŕéçöṽéŕîñĝ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Recovered %1 take(s) (%2). You can start a new take.</source>
            <translation>⟦Ŕéçöṽéŕéđ %1 ţàķé(š) (%2). Ýöû çàñ šţàŕţ à ñéŵ ţàķé. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Take saved: %1 recorded.</source>
            <translation>⟦Ţàķé šàṽéđ: %1 ŕéçöŕđéđ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The laptop was too busy to keep up for a moment: about %1 s of audio is missing from this take. Close other programs before the next one.</source>
            <translation>⟦Ţĥé ļàþţöþ ŵàš ţöö ƀûšý ţö ķééþ ûþ ƒöŕ à ɱöɱéñţ: àƀöûţ %1 š öƒ àûđîö îš ɱîššîñĝ ƒŕöɱ ţĥîš ţàķé. Çļöšé öţĥéŕ þŕöĝŕàɱš ƀéƒöŕé ţĥé ñéẋţ öñé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Take ended early: %1 recorded and kept.</source>
            <translation>⟦Ţàķé éñđéđ éàŕļý: %1 ŕéçöŕđéđ àñđ ķéþţ. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message numerus="yes">
            <source>%n interrupted recording(s) found on this laptop. Recover first, then start a new take.</source>
            <translation>
                <numerusform>⟦%n îñţéŕŕûþţéđ ŕéçöŕđîñĝ(š) ƒöûñđ öñ ţĥîš ļàþţöþ. Ŕéçöṽéŕ ƒîŕšţ, ţĥéñ šţàŕţ à ñéŵ ţàķé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</numerusform>
                <numerusform>⟦%n îñţéŕŕûþţéđ ŕéçöŕđîñĝ(š) ƒöûñđ öñ ţĥîš ļàþţöþ. Ŕéçöṽéŕ ƒîŕšţ, ţĥéñ šţàŕţ à ñéŵ ţàķé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</numerusform>
            </translation>
        </message>
        <message>
            <source>Take not sealed: %1 recorded and kept. Free some space on this laptop's disk, recover the take, then start a new one.</source>
            <translation>⟦Ţàķé ñöţ šéàļéđ: %1 ŕéçöŕđéđ àñđ ķéþţ. Ƒŕéé šöɱé šþàçé öñ ţĥîš ļàþţöþ'š đîšķ, ŕéçöṽéŕ ţĥé ţàķé, ţĥéñ šţàŕţ à ñéŵ öñé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Take not sealed: %1 recorded and kept. Recover it first, then start a new take.</source>
            <translation>⟦Ţàķé ñöţ šéàļéđ: %1 ŕéçöŕđéđ àñđ ķéþţ. Ŕéçöṽéŕ îţ ƒîŕšţ, ţĥéñ šţàŕţ à ñéŵ ţàķé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>What was recorded is kept: recover it first, then start a new take.</source>
            <translation>⟦Ŵĥàţ ŵàš ŕéçöŕđéđ îš ķéþţ: ŕéçöṽéŕ îţ ƒîŕšţ, ţĥéñ šţàŕţ à ñéŵ ţàķé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>This laptop's disk space is getting low. The recording goes on.</source>
            <translation>⟦Ţĥîš ļàþţöþ'š đîšķ šþàçé îš ĝéţţîñĝ ļöŵ. Ţĥé ŕéçöŕđîñĝ ĝöéš öñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>What was recorded is kept.</source>
            <translation>⟦Ŵĥàţ ŵàš ŕéçöŕđéđ îš ķéþţ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Marker</source>
            <translation>⟦Ṁàŕķéŕ ŵî⟧</translation>
        </message>
        <message>
            <source>Important</source>
            <translation>⟦Îɱþöŕţàñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Follow up</source>
            <translation>⟦Ƒöļļöŵ ûþ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>⟦Ǫûöţé ŵî⟧</translation>
        </message>
        <message>
            <source>Sensitive</source>
            <translation>⟦Šéñšîţîṽé ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1 marked at %2</source>
            <translation>⟦%1 ɱàŕķéđ àţ %2 ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1 saved (no recording running)</source>
            <translation>⟦%1 šàṽéđ (ñö ŕéçöŕđîñĝ ŕûññîñĝ) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Careful: %1</source>
            <translation>⟦Çàŕéƒûļ: %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>recording</source>
            <translation>⟦ŕéçöŕđîñĝ ŵîðé⟧</translation>
        </message>
        <message>
            <source>saved</source>
            <translation>⟦šàṽéđ ŵî⟧</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>⟦îñţéŕŕûþţéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>recovered</source>
            <translation>⟦ŕéçöṽéŕéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Take %1 · %2 · %3</source>
            <translation>⟦Ţàķé %1 · %2 · %3 ŵîðé⟧</translation>
        </message>
        <message>
            <source>Distress event closed; the interview goes on.</source>
            <translation>⟦Đîšţŕéšš éṽéñţ çļöšéđ; ţĥé îñţéŕṽîéŵ ĝöéš öñ. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Close the distress event first (resume or end early).</source>
            <translation>⟦Çļöšé ţĥé đîšţŕéšš éṽéñţ ƒîŕšţ (ŕéšûɱé öŕ éñđ éàŕļý). ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>You have not checked out with your buddy yet.</source>
            <translation>⟦Ýöû ĥàṽé ñöţ çĥéçķéđ öûţ ŵîţĥ ýöûŕ ƀûđđý ýéţ. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>You have not yet confirmed that you are home safe.</source>
            <translation>⟦Ýöû ĥàṽé ñöţ ýéţ çöñƒîŕɱéđ ţĥàţ ýöû àŕé ĥöɱé šàƒé. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The home visit is still open</source>
            <translation>⟦Ţĥé ĥöɱé ṽîšîţ îš šţîļļ öþéñ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Complete the session anyway? Check-out and home safe stay on this page and on the study home until you confirm them.</source>
            <translation>⟦Çöɱþļéţé ţĥé šéššîöñ àñýŵàý? Çĥéçķ-öûţ àñđ ĥöɱé šàƒé šţàý öñ ţĥîš þàĝé àñđ öñ ţĥé šţûđý ĥöɱé ûñţîļ ýöû çöñƒîŕɱ ţĥéɱ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Complete the session</source>
            <translation>⟦Çöɱþļéţé ţĥé šéššîöñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>⟦Ñöţ ýéţ ŵîð⟧</translation>
        </message>
        <message>
            <source>Session completed and queued for sync. The home visit is still open: check out and confirm you are home safe here or on the study home.</source>
            <translation>⟦Šéššîöñ çöɱþļéţéđ àñđ ǫûéûéđ ƒöŕ šýñç. Ţĥé ĥöɱé ṽîšîţ îš šţîļļ öþéñ: çĥéçķ öûţ àñđ çöñƒîŕɱ ýöû àŕé ĥöɱé šàƒé ĥéŕé öŕ öñ ţĥé šţûđý ĥöɱé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>⟦ÞĐƑ (*.þđƒ) ŵîðé⟧</translation>
        </message>
        <message>
            <source>The PDF could not be saved there.</source>
            <translation>⟦Ţĥé ÞĐƑ çöûļđ ñöţ ƀé šàṽéđ ţĥéŕé. ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>⟦Šàṽéđ %1. ŵîð⟧</translation>
        </message>
        <message>
            <source>Save the support list</source>
            <translation>⟦Šàṽé ţĥé šûþþöŕţ ļîšţ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the buddy sheet: names, phone numbers, visit times and the visit address</source>
            <translation>⟦ţĥé ƀûđđý šĥééţ: ñàɱéš, þĥöñé ñûɱƀéŕš, ṽîšîţ ţîɱéš àñđ ţĥé ṽîšîţ àđđŕéšš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the buddy sheet: names, phone numbers and visit times</source>
            <translation>⟦ţĥé ƀûđđý šĥééţ: ñàɱéš, þĥöñé ñûɱƀéŕš àñđ ṽîšîţ ţîɱéš ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
    </context>
    <context>
        <name>SessionWords</name>
        <message>
            <source>Safeguarding front door</source>
            <translation>⟦Šàƒéĝûàŕđîñĝ ƒŕöñţ đööŕ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Children's safeguarding</source>
            <translation>⟦Çĥîļđŕéñ'š šàƒéĝûàŕđîñĝ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Adults' safeguarding</source>
            <translation>⟦Àđûļţš' šàƒéĝûàŕđîñĝ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Crisis line</source>
            <translation>⟦Çŕîšîš ļîñé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Local lead</source>
            <translation>⟦Ļöçàļ ļéàđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Site manager</source>
            <translation>⟦Šîţé ɱàñàĝéŕ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Other contact</source>
            <translation>⟦Öţĥéŕ çöñţàçţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>If you or someone else is in immediate danger, call the emergency services.</source>
            <translation>⟦Îƒ ýöû öŕ šöɱéöñé éļšé îš îñ îɱɱéđîàţé đàñĝéŕ, çàļļ ţĥé éɱéŕĝéñçý šéŕṽîçéš. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1 or %2</source>
            <translation>⟦%1 öŕ %2 ŵî⟧</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>⟦%1, %2 ŵî⟧</translation>
        </message>
        <message>
            <source>If you or someone else is in immediate danger, call %1.</source>
            <translation>⟦Îƒ ýöû öŕ šöɱéöñé éļšé îš îñ îɱɱéđîàţé đàñĝéŕ, çàļļ %1. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>⟦%1 (%2) ŵî⟧</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>⟦%1: %2 ŵî⟧</translation>
        </message>
        <message>
            <source>%1 · for %2</source>
            <translation>⟦%1 · ƒöŕ %2 ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Signature</source>
            <translation>⟦Šîĝñàţûŕé ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>StatementRow</name>
        <message>
            <source>Required</source>
            <translation>⟦Ŕéǫûîŕéđ ŵîð⟧</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>⟦Öþţîöñàļ ŵîð⟧</translation>
        </message>
        <message>
            <source>Ask: </source>
            <translation>⟦Àšķ:  ŵî⟧</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>⟦Ýéš ŵî⟧</translation>
        </message>
        <message>
            <source>No</source>
            <translation>⟦Ñö ŵî⟧</translation>
        </message>
        <message>
            <source>initials</source>
            <translation>⟦îñîţîàļš ŵîð⟧</translation>
        </message>
        <message>
            <source>Initials for statement %1</source>
            <translation>⟦Îñîţîàļš ƒöŕ šţàţéɱéñţ %1 ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Initials:</source>
            <translation>⟦Îñîţîàļš ŵîðé:⟧</translation>
        </message>
        <message>
            <source>Does not apply to this participant: not asked</source>
            <translation>⟦Đöéš ñöţ àþþļý ţö ţĥîš þàŕţîçîþàñţ: ñöţ àšķéđ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Asked only where %1.</source>
            <translation>⟦Àšķéđ öñļý ŵĥéŕé %1. ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>answered at %1 on the consent recording</source>
            <translation>⟦àñšŵéŕéđ àţ %1 öñ ţĥé çöñšéñţ ŕéçöŕđîñĝ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>not screened</source>
            <translation>⟦ñöţ šçŕééñéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>eligible</source>
            <translation>⟦éļîĝîƀļé ŵîð⟧</translation>
        </message>
        <message>
            <source>not eligible</source>
            <translation>⟦ñöţ éļîĝîƀļé ŵîðé⟧</translation>
        </message>
        <message>
            <source>consented</source>
            <translation>⟦çöñšéñţéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>interviewed</source>
            <translation>⟦îñţéŕṽîéŵéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>⟦ŵîţĥđŕàŵñ ŵîðé⟧</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>⟦þļàññéđ ŵîð⟧</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>⟦ŕéàđý ŵî⟧</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>⟦îñ þŕöĝŕéšš ŵîðé⟧</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>⟦çöɱþļéţéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>interview</source>
            <translation>⟦îñţéŕṽîéŵ ŵîðé⟧</translation>
        </message>
        <message>
            <source>focus group</source>
            <translation>⟦ƒöçûš ĝŕöûþ ŵîðé⟧</translation>
        </message>
        <message>
            <source>joint interview</source>
            <translation>⟦ĵöîñţ îñţéŕṽîéŵ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>home visit</source>
            <translation>⟦ĥöɱé ṽîšîţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>clinic or office</source>
            <translation>⟦çļîñîç öŕ öƒƒîçé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>video call</source>
            <translation>⟦ṽîđéö çàļļ ŵîðé⟧</translation>
        </message>
        <message>
            <source>phone</source>
            <translation>⟦þĥöñé ŵî⟧</translation>
        </message>
    </context>
    <context>
        <name>StoreDialog</name>
        <message>
            <source>Set up the study store</source>
            <translation>⟦Šéţ ûþ ţĥé šţûđý šţöŕé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Your research IT team gives you these details. The password or secret is kept in this laptop's encrypted vault, never in a settings file.</source>
            <translation>⟦Ýöûŕ ŕéšéàŕçĥ ÎŢ ţéàɱ ĝîṽéš ýöû ţĥéšé đéţàîļš. Ţĥé þàššŵöŕđ öŕ šéçŕéţ îš ķéþţ îñ ţĥîš ļàþţöþ'š éñçŕýþţéđ ṽàûļţ, ñéṽéŕ îñ à šéţţîñĝš ƒîļé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>⟦Çĥööšé ŵîð…⟧</translation>
        </message>
        <message>
            <source>Choose the SSH key file</source>
            <translation>⟦Çĥööšé ţĥé ŠŠĤ ķéý ƒîļé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>⟦Ñàɱé ŵî⟧</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>⟦Ķîñđ ŵî⟧</translation>
        </message>
        <message>
            <source>Address (URL)</source>
            <translation>⟦Àđđŕéšš (ÛŔĻ) ŵîðé⟧</translation>
        </message>
        <message>
            <source>User name / access key</source>
            <translation>⟦Ûšéŕ ñàɱé / àççéšš ķéý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Password / secret</source>
            <translation>⟦Þàššŵöŕđ / šéçŕéţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>S3 endpoint</source>
            <translation>⟦Š3 éñđþöîñţ ŵîðé⟧</translation>
        </message>
        <message>
            <source>SSH key file</source>
            <translation>⟦ŠŠĤ ķéý ƒîļé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Server key fingerprint
(from your IT team)</source>
            <translation>⟦Šéŕṽéŕ ķéý ƒîñĝéŕþŕîñţ
(ƒŕöɱ ýöûŕ ÎŢ ţéàɱ) ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>This &amp;is the fingerprint my IT team gave me</source>
            <translation>⟦Ţĥîš &amp;îš ţĥé ƒîñĝéŕþŕîñţ ɱý ÎŢ ţéàɱ ĝàṽé ɱé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>SSH private key</source>
            <translation>⟦ŠŠĤ þŕîṽàţé ķéý ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Give the store a name and an address.</source>
            <translation>⟦Ĝîṽé ţĥé šţöŕé à ñàɱé àñđ àñ àđđŕéšš. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Compare the server's key fingerprint above with the one your IT team gave you, and tick the box if it is the same.</source>
            <translation>⟦Çöɱþàŕé ţĥé šéŕṽéŕ'š ķéý ƒîñĝéŕþŕîñţ àƀöṽé ŵîţĥ ţĥé öñé ýöûŕ ÎŢ ţéàɱ ĝàṽé ýöû, àñđ ţîçķ ţĥé ƀöẋ îƒ îţ îš ţĥé šàɱé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Asking the server for its key…</source>
            <translation>⟦Àšķîñĝ ţĥé šéŕṽéŕ ƒöŕ îţš ķéý ŵîðé ŵîðé ŵî…⟧</translation>
        </message>
        <message>
            <source>The server %1 identifies itself with the key fingerprint
%2
</source>
            <translation>⟦Ţĥé šéŕṽéŕ %1 îđéñţîƒîéš îţšéļƒ ŵîţĥ ţĥé ķéý ƒîñĝéŕþŕîñţ
%2
 ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>It matches the fingerprint you typed in.</source>
            <translation>⟦Îţ ɱàţçĥéš ţĥé ƒîñĝéŕþŕîñţ ýöû ţýþéđ îñ. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Check it against the fingerprint your research IT team gave you. If they differ, do not save: someone may be between this laptop and the store.</source>
            <translation>⟦Çĥéçķ îţ àĝàîñšţ ţĥé ƒîñĝéŕþŕîñţ ýöûŕ ŕéšéàŕçĥ ÎŢ ţéàɱ ĝàṽé ýöû. Îƒ ţĥéý đîƒƒéŕ, đö ñöţ šàṽé: šöɱéöñé ɱàý ƀé ƀéţŵééñ ţĥîš ļàþţöþ àñđ ţĥé šţöŕé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The server's key fingerprint is not the one you typed in. Do not save this store; tell your research IT team.</source>
            <translation>⟦Ţĥé šéŕṽéŕ'š ķéý ƒîñĝéŕþŕîñţ îš ñöţ ţĥé öñé ýöû ţýþéđ îñ. Đö ñöţ šàṽé ţĥîš šţöŕé; ţéļļ ýöûŕ ŕéšéàŕçĥ ÎŢ ţéàɱ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>StudyKeyDialog</name>
        <message>
            <source>Change the study key</source>
            <translation>⟦Çĥàñĝé ţĥé šţûđý ķéý ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Add the study key</source>
            <translation>⟦Àđđ ţĥé šţûđý ķéý ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The study key locks everything this laptop sends, so that only the study's data manager can read it. Choose the key file (study.pub) the data manager gave you.</source>
            <translation>⟦Ţĥé šţûđý ķéý ļöçķš éṽéŕýţĥîñĝ ţĥîš ļàþţöþ šéñđš, šö ţĥàţ öñļý ţĥé šţûđý'š đàţà ɱàñàĝéŕ çàñ ŕéàđ îţ. Çĥööšé ţĥé ķéý ƒîļé (šţûđý.þûƀ) ţĥé đàţà ɱàñàĝéŕ ĝàṽé ýöû. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>⟦ñöñé ýéţ ŵîð⟧</translation>
        </message>
        <message>
            <source>Study key in use</source>
            <translation>⟦Šţûđý ķéý îñ ûšé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Study key file</source>
            <translation>⟦Šţûđý ķéý ƒîļé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>⟦&amp;Çĥööšé ƒîļé ŵîðé…⟧</translation>
        </message>
        <message>
            <source>&amp;Key file</source>
            <translation>⟦&amp;Ķéý ƒîļé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Fingerprint of this key</source>
            <translation>⟦Ƒîñĝéŕþŕîñţ öƒ ţĥîš ķéý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>This replaces the study key. Whoever holds the new key can read everything this laptop sends from now on, and a key file can be forged. Read the new fingerprint to the data manager (by phone or in person) before you confirm.</source>
            <translation>⟦Ţĥîš ŕéþļàçéš ţĥé šţûđý ķéý. Ŵĥöéṽéŕ ĥöļđš ţĥé ñéŵ ķéý çàñ ŕéàđ éṽéŕýţĥîñĝ ţĥîš ļàþţöþ šéñđš ƒŕöɱ ñöŵ öñ, àñđ à ķéý ƒîļé çàñ ƀé ƒöŕĝéđ. Ŕéàđ ţĥé ñéŵ ƒîñĝéŕþŕîñţ ţö ţĥé đàţà ɱàñàĝéŕ (ƀý þĥöñé öŕ îñ þéŕšöñ) ƀéƒöŕé ýöû çöñƒîŕɱ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>I have &amp;checked this fingerprint with the data manager</source>
            <translation>⟦Î ĥàṽé &amp;çĥéçķéđ ţĥîš ƒîñĝéŕþŕîñţ ŵîţĥ ţĥé đàţà ɱàñàĝéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Choose the study key file</source>
            <translation>⟦Çĥööšé ţĥé šţûđý ķéý ƒîļé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>&amp;Use this key</source>
            <translation>⟦&amp;Ûšé ţĥîš ķéý ŵîðé⟧</translation>
        </message>
        <message>
            <source>Study key (*.pub);;All files (*)</source>
            <translation>⟦Šţûđý ķéý (*.þûƀ);;Àļļ ƒîļéš (*) ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Choose the key file first.</source>
            <translation>⟦Çĥööšé ţĥé ķéý ƒîļé ƒîŕšţ. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>No study key was found in that file.</source>
            <translation>⟦Ñö šţûđý ķéý ŵàš ƒöûñđ îñ ţĥàţ ƒîļé. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source> (the key already in use)</source>
            <translation>⟦ (ţĥé ķéý àļŕéàđý îñ ûšé) ŵîðé ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>SupportList</name>
        <message>
            <source>Where to get support</source>
            <translation>⟦Ŵĥéŕé ţö ĝéţ šûþþöŕţ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Back to the protocol</source>
            <translation>⟦Ɓàçķ ţö ţĥé þŕöţöçöļ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>⟦Šàṽé àš ÞĐƑ ŵîðé…⟧</translation>
        </message>
        <message>
            <source>For %1</source>
            <translation>⟦Ƒöŕ %1 ŵî⟧</translation>
        </message>
        <message>
            <source>Save this list as PDF…</source>
            <translation>⟦Šàṽé ţĥîš ļîšţ àš ÞĐƑ ŵîðé ŵîðé…⟧</translation>
        </message>
        <message>
            <source>Save the support list for %1 as PDF</source>
            <translation>⟦Šàṽé ţĥé šûþþöŕţ ļîšţ ƒöŕ %1 àš ÞĐƑ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Phone %1</source>
            <translation>⟦Þĥöñé %1 ŵî⟧</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Sync to the study store</source>
            <translation>⟦Šýñç ţö ţĥé šţûđý šţöŕé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Data leaves this laptop encrypted for the study; audio is deleted here only after the store has confirmed it. You can go on working, or recording, while it runs.</source>
            <translation>⟦Đàţà ļéàṽéš ţĥîš ļàþţöþ éñçŕýþţéđ ƒöŕ ţĥé šţûđý; àûđîö îš đéļéţéđ ĥéŕé öñļý àƒţéŕ ţĥé šţöŕé ĥàš çöñƒîŕɱéđ îţ. Ýöû çàñ ĝö öñ ŵöŕķîñĝ, öŕ ŕéçöŕđîñĝ, ŵĥîļé îţ ŕûñš. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Add the study key…</source>
            <translation>⟦Àđđ ţĥé šţûđý ķéý ŵîðé ŵî…⟧</translation>
        </message>
        <message>
            <source>Import a study pack…</source>
            <translation>⟦Îɱþöŕţ à šţûđý þàçķ ŵîðé ŵîð…⟧</translation>
        </message>
        <message>
            <source>Waiting on this laptop</source>
            <translation>⟦Ŵàîţîñĝ öñ ţĥîš ļàþţöþ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>⟦Šéššîöñ ŵîð⟧</translation>
        </message>
        <message>
            <source>State</source>
            <translation>⟦Šţàţé ŵî⟧</translation>
        </message>
        <message>
            <source>Audio on this laptop</source>
            <translation>⟦Àûđîö öñ ţĥîš ļàþţöþ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>⟦Šîžé ŵî⟧</translation>
        </message>
        <message>
            <source>Waiting since</source>
            <translation>⟦Ŵàîţîñĝ šîñçé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>⟦Ñöţé ŵî⟧</translation>
        </message>
        <message>
            <source>Sync progress</source>
            <translation>⟦Šýñç þŕöĝŕéšš ŵîðé⟧</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>⟦Šýñç ñöŵ ŵîð⟧</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>⟦Çàñçéļ ŵî⟧</translation>
        </message>
        <message>
            <source>Set up the study store…</source>
            <translation>⟦Šéţ ûþ ţĥé šţûđý šţöŕé ŵîðé ŵîðé…⟧</translation>
        </message>
        <message>
            <source>The SSH key file cannot be read: %1</source>
            <translation>⟦Ţĥé ŠŠĤ ķéý ƒîļé çàññöţ ƀé ŕéàđ: %1 ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Study store saved.</source>
            <translation>⟦Šţûđý šţöŕé šàṽéđ. ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Study key saved: %1</source>
            <translation>⟦Šţûđý ķéý šàṽéđ: %1 ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Study pack %1 version %2 imported.</source>
            <translation>⟦Šţûđý þàçķ %1 ṽéŕšîöñ %2 îɱþöŕţéđ. ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Notice: %1.</source>
            <translation>⟦Ñöţîçé: %1. ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study pack was not imported; nothing changed.</source>
            <translation>⟦Ţĥé šţûđý þàçķ ŵàš ñöţ îɱþöŕţéđ; ñöţĥîñĝ çĥàñĝéđ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study pack was not imported: it does not carry the signature of the data manager key this laptop trusts (it is unsigned, signed by another key, or was changed after signing). Nothing changed; ask the data manager for the pack again.</source>
            <translation>⟦Ţĥé šţûđý þàçķ ŵàš ñöţ îɱþöŕţéđ: îţ đöéš ñöţ çàŕŕý ţĥé šîĝñàţûŕé öƒ ţĥé đàţà ɱàñàĝéŕ ķéý ţĥîš ļàþţöþ ţŕûšţš (îţ îš ûñšîĝñéđ, šîĝñéđ ƀý àñöţĥéŕ ķéý, öŕ ŵàš çĥàñĝéđ àƒţéŕ šîĝñîñĝ). Ñöţĥîñĝ çĥàñĝéđ; àšķ ţĥé đàţà ɱàñàĝéŕ ƒöŕ ţĥé þàçķ àĝàîñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study pack has problems and was not imported:</source>
            <translation>⟦Ţĥé šţûđý þàçķ ĥàš þŕöƀļéɱš àñđ ŵàš ñöţ îɱþöŕţéđ ŵîðé ŵîðé ŵîðé ŵîðé:⟧</translation>
        </message>
        <message>
            <source>The study pack was not imported: its version %1 is older than version %2, already imported. An old pack sent again could bring back keys the data manager has replaced. Nothing changed; ask the data manager for the current pack.</source>
            <translation>⟦Ţĥé šţûđý þàçķ ŵàš ñöţ îɱþöŕţéđ: îţš ṽéŕšîöñ %1 îš öļđéŕ ţĥàñ ṽéŕšîöñ %2, àļŕéàđý îɱþöŕţéđ. Àñ öļđ þàçķ šéñţ àĝàîñ çöûļđ ƀŕîñĝ ƀàçķ ķéýš ţĥé đàţà ɱàñàĝéŕ ĥàš ŕéþļàçéđ. Ñöţĥîñĝ çĥàñĝéđ; àšķ ţĥé đàţà ɱàñàĝéŕ ƒöŕ ţĥé çûŕŕéñţ þàçķ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The study pack was not imported: version %1 is already imported, with other content. A changed pack must carry a new version number, so this copy may have been altered on its way. Nothing changed; ask the data manager for the pack with a new version number.</source>
            <translation>⟦Ţĥé šţûđý þàçķ ŵàš ñöţ îɱþöŕţéđ: ṽéŕšîöñ %1 îš àļŕéàđý îɱþöŕţéđ, ŵîţĥ öţĥéŕ çöñţéñţ. À çĥàñĝéđ þàçķ ɱûšţ çàŕŕý à ñéŵ ṽéŕšîöñ ñûɱƀéŕ, šö ţĥîš çöþý ɱàý ĥàṽé ƀééñ àļţéŕéđ öñ îţš ŵàý. Ñöţĥîñĝ çĥàñĝéđ; àšķ ţĥé đàţà ɱàñàĝéŕ ƒöŕ ţĥé þàçķ ŵîţĥ à ñéŵ ṽéŕšîöñ ñûɱƀéŕ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Study store: %1 (%2)</source>
            <translation>⟦Šţûđý šţöŕé: %1 (%2) ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>No study store is set up on this laptop yet.</source>
            <translation>⟦Ñö šţûđý šţöŕé îš šéţ ûþ öñ ţĥîš ļàþţöþ ýéţ. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>This laptop's fingerprint: %1</source>
            <translation>⟦Ţĥîš ļàþţöþ'š ƒîñĝéŕþŕîñţ: %1 ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Last bundle number: %1</source>
            <translation>⟦Ļàšţ ƀûñđļé ñûɱƀéŕ: %1 ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source> (identity data: %1)</source>
            <translation>⟦ (îđéñţîţý đàţà: %1) ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The data manager compares these with what the study store shows for this laptop, to see that every bundle it sent has arrived.</source>
            <translation>⟦Ţĥé đàţà ɱàñàĝéŕ çöɱþàŕéš ţĥéšé ŵîţĥ ŵĥàţ ţĥé šţûđý šţöŕé šĥöŵš ƒöŕ ţĥîš ļàþţöþ, ţö šéé ţĥàţ éṽéŕý ƀûñđļé îţ šéñţ ĥàš àŕŕîṽéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Study key: %1</source>
            <translation>⟦Šţûđý ķéý: %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>This study has no study key yet: nothing can be sent until it is added.</source>
            <translation>⟦Ţĥîš šţûđý ĥàš ñö šţûđý ķéý ýéţ: ñöţĥîñĝ çàñ ƀé šéñţ ûñţîļ îţ îš àđđéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Change the study key…</source>
            <translation>⟦Çĥàñĝé ţĥé šţûđý ķéý ŵîðé ŵîð…⟧</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>⟦ŵàîţîñĝ ŵîð⟧</translation>
        </message>
        <message>
            <source>ready to send</source>
            <translation>⟦ŕéàđý ţö šéñđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>sending</source>
            <translation>⟦šéñđîñĝ ŵîð⟧</translation>
        </message>
        <message>
            <source>not sent</source>
            <translation>⟦ñöţ šéñţ ŵîð⟧</translation>
        </message>
        <message>
            <source>verified</source>
            <translation>⟦ṽéŕîƒîéđ ŵîð⟧</translation>
        </message>
        <message>
            <source>waiting more than %1 days: sync soon</source>
            <translation>⟦ŵàîţîñĝ ɱöŕé ţĥàñ %1 đàýš: šýñç šööñ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>last try failed</source>
            <translation>⟦ļàšţ ţŕý ƒàîļéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>withdrawal</source>
            <translation>⟦ŵîţĥđŕàŵàļ ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1 (identity data)</source>
            <translation>⟦%1 (îđéñţîţý đàţà) ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The reason was not recorded.</source>
            <translation>⟦Ţĥé ŕéàšöñ ŵàš ñöţ ŕéçöŕđéđ. ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Last try failed: %1</source>
            <translation>⟦Ļàšţ ţŕý ƒàîļéđ: %1 ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the folder %1</source>
            <translation>⟦ţĥé ƒöļđéŕ %1 ŵîðé⟧</translation>
        </message>
        <message>
            <source>an SFTP server, %1</source>
            <translation>⟦àñ ŠƑŢÞ šéŕṽéŕ, %1 ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>a WebDAV server, %1</source>
            <translation>⟦à ŴéƀĐÀṼ šéŕṽéŕ, %1 ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the S3 bucket %1</source>
            <translation>⟦ţĥé Š3 ƀûçķéţ %1 ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>none left here</source>
            <translation>⟦ñöñé ļéƒţ ĥéŕé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>none</source>
            <translation>⟦ñöñé ŵî⟧</translation>
        </message>
        <message>
            <source>%1 min in %2 take(s)</source>
            <translation>⟦%1 ɱîñ îñ %2 ţàķé(š) ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>not packed yet</source>
            <translation>⟦ñöţ þàçķéđ ýéţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>⟦ĵûšţ ñöŵ ŵîð⟧</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>⟦%1 ɱîñ ŵî⟧</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>⟦%1 ĥ ŵî⟧</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>⟦%1 đàýš ŵî⟧</translation>
        </message>
        <message>
            <source>About %1 left</source>
            <translation>⟦Àƀöûţ %1 ļéƒţ ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>SyncPresenter</name>
        <message>
            <source>Set up the study store first: choose “Set up the study store…” below.</source>
            <translation>⟦Šéţ ûþ ţĥé šţûđý šţöŕé ƒîŕšţ: çĥööšé “Šéţ ûþ ţĥé šţûđý šţöŕé…” ƀéļöŵ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Preparing…</source>
            <translation>⟦Þŕéþàŕîñĝ ŵîðé…⟧</translation>
        </message>
        <message>
            <source>Cancelling after the current piece…</source>
            <translation>⟦Çàñçéļļîñĝ àƒţéŕ ţĥé çûŕŕéñţ þîéçé ŵîðé ŵîðé ŵîðé…⟧</translation>
        </message>
        <message>
            <source>Nothing is waiting to be sent.</source>
            <translation>⟦Ñöţĥîñĝ îš ŵàîţîñĝ ţö ƀé šéñţ. ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Sending %1…</source>
            <translation>⟦Šéñđîñĝ %1 ŵîðé…⟧</translation>
        </message>
        <message>
            <source>withdrawal</source>
            <translation>⟦ŵîţĥđŕàŵàļ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Sync cancelled. Nothing already verified is lost.</source>
            <translation>⟦Šýñç çàñçéļļéđ. Ñöţĥîñĝ àļŕéàđý ṽéŕîƒîéđ îš ļöšţ. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>%1 sent and verified, %2 not sent (see the list).</source>
            <translation>⟦%1 šéñţ àñđ ṽéŕîƒîéđ, %2 ñöţ šéñţ (šéé ţĥé ļîšţ). ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>%1 sent and verified at the study store.</source>
            <translation>⟦%1 šéñţ àñđ ṽéŕîƒîéđ àţ ţĥé šţûđý šţöŕé. ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>Recording %1 is paused while the app is locked.</source>
            <translation>⟦Ŕéçöŕđîñĝ %1 îš þàûšéđ ŵĥîļé ţĥé àþþ îš ļöçķéđ. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Recording %1 goes on while the app is locked.</source>
            <translation>⟦Ŕéçöŕđîñĝ %1 ĝöéš öñ ŵĥîļé ţĥé àþþ îš ļöçķéđ. ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>⟦Ŕéšûɱé ŵî⟧</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>⟦Þàûšé ŵî⟧</translation>
        </message>
        <message>
            <source>Resume the recording (F8)</source>
            <translation>⟦Ŕéšûɱé ţĥé ŕéçöŕđîñĝ (Ƒ8) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Pause the recording (F8)</source>
            <translation>⟦Þàûšé ţĥé ŕéçöŕđîñĝ (Ƒ8) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The recording was stopped and saved (%1 recorded).</source>
            <translation>⟦Ţĥé ŕéçöŕđîñĝ ŵàš šţöþþéđ àñđ šàṽéđ (%1 ŕéçöŕđéđ). ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Locked after a period without activity.</source>
            <translation>⟦Ļöçķéđ àƒţéŕ à þéŕîöđ ŵîţĥöûţ àçţîṽîţý. ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Choose your user name and type your passphrase.</source>
            <translation>⟦Çĥööšé ýöûŕ ûšéŕ ñàɱé àñđ ţýþé ýöûŕ þàššþĥŕàšé. ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>⟦Ûñļöçķîñĝ ŵîðé…⟧</translation>
        </message>
        <message numerus="yes">
            <source>That passphrase did not unlock the vault. You can try again in %n second(s).</source>
            <translation>
                <numerusform>⟦Ţĥàţ þàššþĥŕàšé đîđ ñöţ ûñļöçķ ţĥé ṽàûļţ. Ýöû çàñ ţŕý àĝàîñ îñ %n šéçöñđ(š). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</numerusform>
                <numerusform>⟦Ţĥàţ þàššþĥŕàšé đîđ ñöţ ûñļöçķ ţĥé ṽàûļţ. Ýöû çàñ ţŕý àĝàîñ îñ %n šéçöñđ(š). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</numerusform>
            </translation>
        </message>
        <message>
            <source>That passphrase did not unlock the vault. Try again.</source>
            <translation>⟦Ţĥàţ þàššþĥŕàšé đîđ ñöţ ûñļöçķ ţĥé ṽàûļţ. Ţŕý àĝàîñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>⟦Ûñļöçķ ŵî⟧</translation>
        </message>
        <message>
            <source>Fieldwork is locked</source>
            <translation>⟦Ƒîéļđŵöŕķ îš ļöçķéđ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>title</source>
            <translation>⟦ţîţļé ŵî⟧</translation>
        </message>
        <message>
            <source>Your study data is encrypted on this laptop.</source>
            <translation>⟦Ýöûŕ šţûđý đàţà îš éñçŕýþţéđ öñ ţĥîš ļàþţöþ. ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>subtitle</source>
            <translation>⟦šûƀţîţļé ŵîð⟧</translation>
        </message>
        <message>
            <source>A recording is still running while the app is locked.</source>
            <translation>⟦À ŕéçöŕđîñĝ îš šţîļļ ŕûññîñĝ ŵĥîļé ţĥé àþþ îš ļöçķéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>⟦ŵàŕñîñĝ ŵîð⟧</translation>
        </message>
        <message>
            <source>Recording time</source>
            <translation>⟦Ŕéçöŕđîñĝ ţîɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Pause the recording (F8); no passphrase needed</source>
            <translation>⟦Þàûšé ţĥé ŕéçöŕđîñĝ (Ƒ8); ñö þàššþĥŕàšé ñééđéđ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Pause the recording</source>
            <translation>⟦Þàûšé ţĥé ŕéçöŕđîñĝ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Stop and save the recording</source>
            <translation>⟦Šţöþ àñđ šàṽé ţĥé ŕéçöŕđîñĝ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Stop and seal the take; no passphrase needed</source>
            <translation>⟦Šţöþ àñđ šéàļ ţĥé ţàķé; ñö þàššþĥŕàšé ñééđéđ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>stop</source>
            <translation>⟦šţöþ ŵî⟧</translation>
        </message>
        <message>
            <source>&amp;User</source>
            <translation>⟦&amp;Ûšéŕ ŵî⟧</translation>
        </message>
        <message>
            <source>User</source>
            <translation>⟦Ûšéŕ ŵî⟧</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>⟦&amp;Þàššþĥŕàšé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>⟦Þàššþĥŕàšé ŵîðé⟧</translation>
        </message>
        <message>
            <source>error</source>
            <translation>⟦éŕŕöŕ ŵî⟧</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>⟦&amp;Ûñļöçķ ŵîð⟧</translation>
        </message>
    </context>
    <context>
        <name>WithdrawDialog</name>
        <message>
            <source>Record a withdrawal</source>
            <translation>⟦Ŕéçöŕđ à ŵîţĥđŕàŵàļ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Withdrawal needs no reason. After it, no new session can be planned or recorded for this participant.</source>
            <translation>⟦Ŵîţĥđŕàŵàļ ñééđš ñö ŕéàšöñ. Àƒţéŕ îţ, ñö ñéŵ šéššîöñ çàñ ƀé þļàññéđ öŕ ŕéçöŕđéđ ƒöŕ ţĥîš þàŕţîçîþàñţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Withdrawal scope</source>
            <translation>⟦Ŵîţĥđŕàŵàļ šçöþé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>&amp;Effective date</source>
            <translation>⟦&amp;Éƒƒéçţîṽé đàţé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>yyyy-MM-dd</source>
            <translation>⟦ýýýý-ṀṀ-đđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>Effective date</source>
            <translation>⟦Éƒƒéçţîṽé đàţé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Before the analysis cut-off</source>
            <translation>⟦Ɓéƒöŕé ţĥé àñàļýšîš çûţ-öƒƒ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>&amp;What the participant asked for</source>
            <translation>⟦&amp;Ŵĥàţ ţĥé þàŕţîçîþàñţ àšķéđ ƒöŕ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
    </context>
    <context>
        <name>argparse</name>
        <message>
            <source>usage: </source>
            <translation>⟦ûšàĝé:  ŵîð⟧</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>⟦þöšîţîöñàļ àŕĝûɱéñţš ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>options</source>
            <translation>⟦öþţîöñš ŵîð⟧</translation>
        </message>
        <message>
            <source>show this help message and exit</source>
            <translation>⟦šĥöŵ ţĥîš ĥéļþ ɱéššàĝé àñđ éẋîţ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>%(prog)s: error: %(message)s
</source>
            <translation>⟦%(prog)s: éŕŕöŕ: %(message)s
 ŵîðé⟧</translation>
        </message>
        <message>
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>⟦àŕĝûɱéñţ %(argument_name)s: %(message)s ŵîðé⟧</translation>
        </message>
        <message>
            <source>the following arguments are required: %s</source>
            <translation>⟦ţĥé ƒöļļöŵîñĝ àŕĝûɱéñţš àŕé ŕéǫûîŕéđ: %s ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>one of the arguments %s is required</source>
            <translation>⟦öñé öƒ ţĥé àŕĝûɱéñţš %s îš ŕéǫûîŕéđ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>unrecognized arguments: %s</source>
            <translation>⟦ûñŕéçöĝñîžéđ àŕĝûɱéñţš: %s ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>⟦àɱƀîĝûöûš öþţîöñ: %(option)s çöûļđ ɱàţçĥ %(matches)s ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>⟦îñṽàļîđ çĥöîçé: %(value)r (çĥööšé ƒŕöɱ %(choices)s) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>invalid %(type)s value: %(value)r</source>
            <translation>⟦îñṽàļîđ %(type)s ṽàļûé: %(value)r ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>can't open '%(filename)s': %(error)s</source>
            <translation>⟦çàñ'ţ öþéñ '%(filename)s': %(error)s ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>expected one argument</source>
            <translation>⟦éẋþéçţéđ öñé àŕĝûɱéñţ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>expected at most one argument</source>
            <translation>⟦éẋþéçţéđ àţ ɱöšţ öñé àŕĝûɱéñţ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>expected at least one argument</source>
            <translation>⟦éẋþéçţéđ àţ ļéàšţ öñé àŕĝûɱéñţ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>expected %s argument</source>
            <translation>⟦éẋþéçţéđ %s àŕĝûɱéñţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>expected %s arguments</source>
            <translation>⟦éẋþéçţéđ %s àŕĝûɱéñţš ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>not allowed with argument %s</source>
            <translation>⟦ñöţ àļļöŵéđ ŵîţĥ àŕĝûɱéñţ %s ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>ignored explicit argument %r</source>
            <translation>⟦îĝñöŕéđ éẋþļîçîţ àŕĝûɱéñţ %r ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>unexpected option string: %s</source>
            <translation>⟦ûñéẋþéçţéđ öþţîöñ šţŕîñĝ: %s ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
            <translation>⟦ûñķñöŵñ þàŕšéŕ %(parser_name)r (çĥöîçéš: %(choices)s) ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>argument "-" with mode %r</source>
            <translation>⟦àŕĝûɱéñţ "-" ŵîţĥ ɱöđé %r ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>.__call__() not defined</source>
            <translation>⟦.__çàļļ__() ñöţ đéƒîñéđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>'required' is an invalid argument for positionals</source>
            <translation>⟦'ŕéǫûîŕéđ' îš àñ îñṽàļîđ àŕĝûɱéñţ ƒöŕ þöšîţîöñàļš ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>mutually exclusive arguments must be optional</source>
            <translation>⟦ɱûţûàļļý éẋçļûšîṽé àŕĝûɱéñţš ɱûšţ ƀé öþţîöñàļ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>%r is not callable</source>
            <translation>⟦%r îš ñöţ çàļļàƀļé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>cannot merge actions - two groups are named %r</source>
            <translation>⟦çàññöţ ɱéŕĝé àçţîöñš - ţŵö ĝŕöûþš àŕé ñàɱéđ %r ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>invalid option string %(option)r: must start with a character %(prefix_chars)r</source>
            <translation>⟦îñṽàļîđ öþţîöñ šţŕîñĝ %(option)r: ɱûšţ šţàŕţ ŵîţĥ à çĥàŕàçţéŕ %(prefix_chars)r ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>dest= is required for options like %r</source>
            <translation>⟦đéšţ= îš ŕéǫûîŕéđ ƒöŕ öþţîöñš ļîķé %r ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>invalid conflict_resolution value: %r</source>
            <translation>⟦îñṽàļîđ çöñƒļîçţ_ŕéšöļûţîöñ ṽàļûé: %r ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>cannot have multiple subparser arguments</source>
            <translation>⟦çàññöţ ĥàṽé ɱûļţîþļé šûƀþàŕšéŕ àŕĝûɱéñţš ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>conflicting subparser: %s</source>
            <translation>⟦çöñƒļîçţîñĝ šûƀþàŕšéŕ: %s ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>conflicting subparser alias: %s</source>
            <translation>⟦çöñƒļîçţîñĝ šûƀþàŕšéŕ àļîàš: %s ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>conflicting option string: %s</source>
            <translation>⟦çöñƒļîçţîñĝ öþţîöñ šţŕîñĝ: %s ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>conflicting option strings: %s</source>
            <translation>⟦çöñƒļîçţîñĝ öþţîöñ šţŕîñĝš: %s ŵîðé ŵîðé ŵ⟧</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>see '{command} --help'</source>
            <translation>⟦šéé '{command} --ĥéļþ' ŵîðé⟧</translation>
        </message>
        <message>
            <source>Fieldwork: encrypted, offline fieldwork for qualitative interviews. With no command, starts the desktop app.</source>
            <translation>⟦Ƒîéļđŵöŕķ: éñçŕýþţéđ, öƒƒļîñé ƒîéļđŵöŕķ ƒöŕ ǫûàļîţàţîṽé îñţéŕṽîéŵš. Ŵîţĥ ñö çöɱɱàñđ, šţàŕţš ţĥé đéšķţöþ àþþ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>⟦îñţéŕŕûþţéđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>the disk is full; free some space and try again (nothing saved before was lost)</source>
            <translation>⟦ţĥé đîšķ îš ƒûļļ; ƒŕéé šöɱé šþàçé àñđ ţŕý àĝàîñ (ñöţĥîñĝ šàṽéđ ƀéƒöŕé ŵàš ļöšţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>pseudonymisation: {count} name(s) or place(s) replaced in {takes_checked} transcript(s); the report is {report}</source>
            <translation>⟦þšéûđöñýɱîšàţîöñ: {count} ñàɱé(š) öŕ þļàçé(š) ŕéþļàçéđ îñ {takes_checked} ţŕàñšçŕîþţ(š); ţĥé ŕéþöŕţ îš {report} ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>pseudonymisation: {count} name(s) or place(s) flagged (not replaced; --replace to replace) in {takes_checked} transcript(s); the report is {report}</source>
            <translation>⟦þšéûđöñýɱîšàţîöñ: {count} ñàɱé(š) öŕ þļàçé(š) ƒļàĝĝéđ (ñöţ ŕéþļàçéđ; --ŕéþļàçé ţö ŕéþļàçé) îñ {takes_checked} ţŕàñšçŕîþţ(š); ţĥé ŕéþöŕţ îš {report} ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>transcript drafts and REFI-QDA export of an analysis folder</source>
            <translation>⟦ţŕàñšçŕîþţ đŕàƒţš àñđ ŔÉƑÎ-ǪĐÀ éẋþöŕţ öƒ àñ àñàļýšîš ƒöļđéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>transcribe every take that has no transcript yet, offline, with a local model</source>
            <translation>⟦ţŕàñšçŕîƀé éṽéŕý ţàķé ţĥàţ ĥàš ñö ţŕàñšçŕîþţ ýéţ, öƒƒļîñé, ŵîţĥ à ļöçàļ ɱöđéļ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the analysis folder (from 'store unpack')</source>
            <translation>⟦ţĥé àñàļýšîš ƒöļđéŕ (ƒŕöɱ 'šţöŕé ûñþàçķ') ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>folder of a converted Whisper model (CTranslate2)</source>
            <translation>⟦ƒöļđéŕ öƒ à çöñṽéŕţéđ Ŵĥîšþéŕ ɱöđéļ (ÇŢŕàñšļàţé2) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>CPU threads (default: the cores this process may use)</source>
            <translation>⟦ÇÞÛ ţĥŕéàđš (đéƒàûļţ: ţĥé çöŕéš ţĥîš þŕöçéšš ɱàý ûšé) ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>spoken language code, e.g. en (default: detected per take)</source>
            <translation>⟦šþöķéñ ļàñĝûàĝé çöđé, é.ĝ. éñ (đéƒàûļţ: đéţéçţéđ þéŕ ţàķé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>print the report as JSON</source>
            <translation>⟦þŕîñţ ţĥé ŕéþöŕţ àš ĴŠÖÑ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>flag (or replace) identity names and places in transcript drafts</source>
            <translation>⟦ƒļàĝ (öŕ ŕéþļàçé) îđéñţîţý ñàɱéš àñđ þļàçéš îñ ţŕàñšçŕîþţ đŕàƒţš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the analysis folder</source>
            <translation>⟦ţĥé àñàļýšîš ƒöļđéŕ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>write a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder</source>
            <translation>⟦ŵŕîţé à ŔÉƑÎ-ǪĐÀ þŕöĵéçţ (.ǫđþẋ) ƒöŕ ÑṼîṽö, ÀŢĻÀŠ.ţî, ṀÀẊǪĐÀ, ǪûàļÇöđéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the .qdpx file to write</source>
            <translation>⟦ţĥé .ǫđþẋ ƒîļé ţö ŵŕîţé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>list what may go into an archive deposit (archiving affirmed, not withdrawn)</source>
            <translation>⟦ļîšţ ŵĥàţ ɱàý ĝö îñţö àñ àŕçĥîṽé đéþöšîţ (àŕçĥîṽîñĝ àƒƒîŕɱéđ, ñöţ ŵîţĥđŕàŵñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>print the list as JSON</source>
            <translation>⟦þŕîñţ ţĥé ļîšţ àš ĴŠÖÑ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>folder the identity store was unpacked into (never inside the analysis folder)</source>
            <translation>⟦ƒöļđéŕ ţĥé îđéñţîţý šţöŕé ŵàš ûñþàçķéđ îñţö (ñéṽéŕ îñšîđé ţĥé àñàļýšîš ƒöļđéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>replace what is found: names by the participant's study id, places by [place]</source>
            <translation>⟦ŕéþļàçé ŵĥàţ îš ƒöûñđ: ñàɱéš ƀý ţĥé þàŕţîçîþàñţ'š šţûđý îđ, þļàçéš ƀý [þļàçé] ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>replace names by [TAG] instead of the study id</source>
            <translation>⟦ŕéþļàçé ñàɱéš ƀý [ŢÀĜ] îñšţéàđ öƒ ţĥé šţûđý îđ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>where to write what was found (default: pseudonymisation-report.json in --identity)</source>
            <translation>⟦ŵĥéŕé ţö ŵŕîţé ŵĥàţ ŵàš ƒöûñđ (đéƒàûļţ: þšéûđöñýɱîšàţîöñ-ŕéþöŕţ.ĵšöñ îñ --îđéñţîţý) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{pct}% overall; take {index} of {count} ({take}): {percent}%</source>
            <translation>⟦{pct}% öṽéŕàļļ; ţàķé {index} öƒ {count} ({take}): {percent}% ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>transcribed {count} take(s) ({audio_seconds:.0f} s of audio in {seconds:.0f} s); {count2} already done</source>
            <translation>⟦ţŕàñšçŕîƀéđ {count} ţàķé(š) ({audio_seconds:.0f} š öƒ àûđîö îñ {seconds:.0f} š); {count2} àļŕéàđý đöñé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>wrote {out}: {cases} case(s), {sources} audio source(s), {transcripts} transcript(s), {codes} code(s), {selections} coded or noted selection(s), {notes} note(s)</source>
            <translation>⟦ŵŕöţé {out}: {cases} çàšé(š), {sources} àûđîö šöûŕçé(š), {transcripts} ţŕàñšçŕîþţ(š), {codes} çöđé(š), {selections} çöđéđ öŕ ñöţéđ šéļéçţîöñ(š), {notes} ñöţé(š) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>skipped {take}: {reason}</source>
            <translation>⟦šķîþþéđ {take}: {reason} ŵîðé⟧</translation>
        </message>
        <message>
            <source>warning {take}: {warning}</source>
            <translation>⟦ŵàŕñîñĝ {take}: {warning} ŵîðé⟧</translation>
        </message>
        <message>
            <source>failed {take}: {error}</source>
            <translation>⟦ƒàîļéđ {take}: {error} ŵîðé⟧</translation>
        </message>
        <message>
            <source>no transcript yet: {rel} (run 'fieldwork analysis transcribe')</source>
            <translation>⟦ñö ţŕàñšçŕîþţ ýéţ: {rel} (ŕûñ 'ƒîéļđŵöŕķ àñàļýšîš ţŕàñšçŕîƀé') ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Leave out of an archive deposit: {ids}</source>
            <translation>⟦Ļéàṽé öûţ öƒ àñ àŕçĥîṽé đéþöšîţ: {ids} ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Leave out of an archive deposit (shared sessions): {folders}</source>
            <translation>⟦Ļéàṽé öûţ öƒ àñ àŕçĥîṽé đéþöšîţ (šĥàŕéđ šéššîöñš): {folders} ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Saved take {take_no} ({recording_id}): {duration_seconds:.1f} s, {overflows} overflow(s)</source>
            <translation>⟦Šàṽéđ ţàķé {take_no} ({recording_id}): {duration_seconds:.1f} š, {overflows} öṽéŕƒļöŵ(š) ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Kept take {take_no} ({recording_id}) unsealed: {duration_seconds:.1f} s, {overflows} overflow(s); 'fieldwork recover' seals it (run it before the next take)</source>
            <translation>⟦Ķéþţ ţàķé {take_no} ({recording_id}) ûñšéàļéđ: {duration_seconds:.1f} š, {overflows} öṽéŕƒļöŵ(š); 'ƒîéļđŵöŕķ ŕéçöṽéŕ' šéàļš îţ (ŕûñ îţ ƀéƒöŕé ţĥé ñéẋţ ţàķé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>silent: check the microphone</source>
            <translation>⟦šîļéñţ: çĥéçķ ţĥé ɱîçŕöþĥöñé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The check was recorded into memory only and has been discarded.</source>
            <translation>⟦Ţĥé çĥéçķ ŵàš ŕéçöŕđéđ îñţö ɱéɱöŕý öñļý àñđ ĥàš ƀééñ đîšçàŕđéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Exported {takes} take(s), {duration_seconds:.1f} s, to {path} (encrypted to your passphrase)</source>
            <translation>⟦Éẋþöŕţéđ {takes} ţàķé(š), {duration_seconds:.1f} š, ţö {path} (éñçŕýþţéđ ţö ýöûŕ þàššþĥŕàšé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Exported {takes} take(s), {duration_seconds:.1f} s, to {path} (decrypted, mode 0600: keep it safe)</source>
            <translation>⟦Éẋþöŕţéđ {takes} ţàķé(š), {duration_seconds:.1f} š, ţö {path} (đéçŕýþţéđ, ɱöđé 0600: ķééþ îţ šàƒé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>record an interview take, or with --consent a verbal-consent recording (Ctrl-C stops cleanly)</source>
            <translation>⟦ŕéçöŕđ àñ îñţéŕṽîéŵ ţàķé, öŕ ŵîţĥ --çöñšéñţ à ṽéŕƀàļ-çöñšéñţ ŕéçöŕđîñĝ (Çţŕļ-Ç šţöþš çļéàñļý) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>record one participant's verbal consent (kept apart from the interview audio); then 'fieldwork consent record --mode verbal --recording ID'</source>
            <translation>⟦ŕéçöŕđ öñé þàŕţîçîþàñţ'š ṽéŕƀàļ çöñšéñţ (ķéþţ àþàŕţ ƒŕöɱ ţĥé îñţéŕṽîéŵ àûđîö); ţĥéñ 'ƒîéļđŵöŕķ çöñšéñţ ŕéçöŕđ --ɱöđé ṽéŕƀàļ --ŕéçöŕđîñĝ ÎĐ' ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>whose consent is recorded (with --consent)</source>
            <translation>⟦ŵĥöšé çöñšéñţ îš ŕéçöŕđéđ (ŵîţĥ --çöñšéñţ) ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>stop after this many seconds</source>
            <translation>⟦šţöþ àƒţéŕ ţĥîš ɱàñý šéçöñđš ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>input device name (part of it) or index; default: the system default</source>
            <translation>⟦îñþûţ đéṽîçé ñàɱé (þàŕţ öƒ îţ) öŕ îñđéẋ; đéƒàûļţ: ţĥé šýšţéɱ đéƒàûļţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>record a few seconds into memory, show the level, play back, discard</source>
            <translation>⟦ŕéçöŕđ à ƒéŵ šéçöñđš îñţö ɱéɱöŕý, šĥöŵ ţĥé ļéṽéļ, þļàý ƀàçķ, đîšçàŕđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>note the result on this session's kit check</source>
            <translation>⟦ñöţé ţĥé ŕéšûļţ öñ ţĥîš šéššîöñ'š ķîţ çĥéçķ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>list input devices</source>
            <translation>⟦ļîšţ îñþûţ đéṽîçéš ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>takes of a session</source>
            <translation>⟦ţàķéš öƒ à šéššîöñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>export a take or the whole session to FLAC or WAV (decrypted)</source>
            <translation>⟦éẋþöŕţ à ţàķé öŕ ţĥé ŵĥöļé šéššîöñ ţö ƑĻÀÇ öŕ ŴÀṼ (đéçŕýþţéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>FILE.flac or FILE.wav (a new file, mode 0600)</source>
            <translation>⟦ƑÎĻÉ.ƒļàç öŕ ƑÎĻÉ.ŵàṽ (à ñéŵ ƒîļé, ɱöđé 0600) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>write FILE.flac.age instead, age-encrypted to a passphrase you type (open with: age -d)</source>
            <translation>⟦ŵŕîţé ƑÎĻÉ.ƒļàç.àĝé îñšţéàđ, àĝé-éñçŕýþţéđ ţö à þàššþĥŕàšé ýöû ţýþé (öþéñ ŵîţĥ: àĝé -đ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>--seconds must be between 0 and 21600</source>
            <translation>⟦--šéçöñđš ɱûšţ ƀé ƀéţŵééñ 0 àñđ 21600 ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>--consent records one participant's consent: say whose with --participant ID</source>
            <translation>⟦--çöñšéñţ ŕéçöŕđš öñé þàŕţîçîþàñţ'š çöñšéñţ: šàý ŵĥöšé ŵîţĥ --þàŕţîçîþàñţ ÎĐ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>--participant goes with --consent (an interview take records the whole session)</source>
            <translation>⟦--þàŕţîçîþàñţ ĝöéš ŵîţĥ --çöñšéñţ (àñ îñţéŕṽîéŵ ţàķé ŕéçöŕđš ţĥé ŵĥöļé šéššîöñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the default input</source>
            <translation>⟦ţĥé đéƒàûļţ îñþûţ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Recording {participant}'s consent take {take_no} on {device} (Ctrl-C to stop)</source>
            <translation>⟦Ŕéçöŕđîñĝ {participant}'š çöñšéñţ ţàķé {take_no} öñ {device} (Çţŕļ-Ç ţö šţöþ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Recording {session} take {take_no} on {device} (Ctrl-C to stop)</source>
            <translation>⟦Ŕéçöŕđîñĝ {session} ţàķé {take_no} öñ {device} (Çţŕļ-Ç ţö šţöþ) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>too loud (clipping)</source>
            <translation>⟦ţöö ļöûđ (çļîþþîñĝ) ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>⟦öķ ŵî⟧</translation>
        </message>
        <message>
            <source>no input devices</source>
            <translation>⟦ñö îñþûţ đéṽîçéš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>No interrupted recordings.</source>
            <translation>⟦Ñö îñţéŕŕûþţéđ ŕéçöŕđîñĝš. ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>find, seal and report interrupted recordings</source>
            <translation>⟦ƒîñđ, šéàļ àñđ ŕéþöŕţ îñţéŕŕûþţéđ ŕéçöŕđîñĝš ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{device}: level {rms_dbfs:.0f} dBFS, peak {peak_dbfs:.0f} dBFS: {verdict}</source>
            <translation>⟦{device}: ļéṽéļ {rms_dbfs:.0f} đƁƑŠ, þéàķ {peak_dbfs:.0f} đƁƑŠ: {verdict} ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>(purged from this laptop)</source>
            <translation>⟦(þûŕĝéđ ƒŕöɱ ţĥîš ļàþţöþ) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>recorded takes</source>
            <translation>⟦ŕéçöŕđéđ ţàķéš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Next: fieldwork consent record --session {session} --participant {participant} --mode verbal --recording {recording_id} --answers FILE</source>
            <translation>⟦Ñéẋţ: ƒîéļđŵöŕķ çöñšéñţ ŕéçöŕđ --šéššîöñ {session} --þàŕţîçîþàñţ {participant} --ɱöđé ṽéŕƀàļ --ŕéçöŕđîñĝ {recording_id} --àñšŵéŕš ƑÎĻÉ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>fieldwork: the take ended early: {message} (everything up to then is kept)</source>
            <translation>⟦ƒîéļđŵöŕķ: ţĥé ţàķé éñđéđ éàŕļý: {message} (éṽéŕýţĥîñĝ ûþ ţö ţĥéñ îš ķéþţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{kind:&lt;10} take {take_no:&lt;3} {id}  {dur:&lt;10} {status}{purged}</source>
            <translation>⟦{kind:&lt;10} ţàķé {take_no:&lt;3} {id}  {dur:&lt;10} {status}{purged} ŵîðé⟧</translation>
        </message>
        <message>
            <source>{out}: the output must end in .flac or .wav</source>
            <translation>⟦{out}: ţĥé öûţþûţ ɱûšţ éñđ îñ .ƒļàç öŕ .ŵàṽ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>warning: {message}</source>
            <translation>⟦ŵàŕñîñĝ: {message} ŵîðé⟧</translation>
        </message>
        <message>
            <source>fieldwork: {session_id} {recording_id} could not be recovered: {problem}</source>
            <translation>⟦ƒîéļđŵöŕķ: {session_id} {recording_id} çöûļđ ñöţ ƀé ŕéçöṽéŕéđ: {problem} ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Recovered {session_id} {recording_id}: {duration_seconds:.1f} s</source>
            <translation>⟦Ŕéçöṽéŕéđ {session_id} {recording_id}: {duration_seconds:.1f} š ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>FILE.pdf: the participant's name, signatures and answers (a new file, mode 0600)</source>
            <translation>⟦ƑÎĻÉ.þđƒ: ţĥé þàŕţîçîþàñţ'š ñàɱé, šîĝñàţûŕéš àñđ àñšŵéŕš (à ñéŵ ƒîļé, ɱöđé 0600) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>FILE.pdf: names, phone numbers, times (and the address with --with-address) (a new file, mode 0600)</source>
            <translation>⟦ƑÎĻÉ.þđƒ: ñàɱéš, þĥöñé ñûɱƀéŕš, ţîɱéš (àñđ ţĥé àđđŕéšš ŵîţĥ --ŵîţĥ-àđđŕéšš) (à ñéŵ ƒîļé, ɱöđé 0600) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Saved {path} (encrypted to your passphrase)</source>
            <translation>⟦Šàṽéđ {path} (éñçŕýþţéđ ţö ýöûŕ þàššþĥŕàšé) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Saved {path} (not encrypted, mode 0600: keep it safe)</source>
            <translation>⟦Šàṽéđ {path} (ñöţ éñçŕýþţéđ, ɱöđé 0600: ķééþ îţ šàƒé) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Passphrase for the encrypted file: </source>
            <translation>⟦Þàššþĥŕàšé ƒöŕ ţĥé éñçŕýþţéđ ƒîļé:  ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>write FILE.age instead, age-encrypted to a passphrase you type (open it with: age -d FILE.age)</source>
            <translation>⟦ŵŕîţé ƑÎĻÉ.àĝé îñšţéàđ, àĝé-éñçŕýþţéđ ţö à þàššþĥŕàšé ýöû ţýþé (öþéñ îţ ŵîţĥ: àĝé -đ ƑÎĻÉ.àĝé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>save the signed consent copy (names and signatures) as a PDF</source>
            <translation>⟦šàṽé ţĥé šîĝñéđ çöñšéñţ çöþý (ñàɱéš àñđ šîĝñàţûŕéš) àš à ÞĐƑ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>save the lone-working buddy sheet as a PDF</source>
            <translation>⟦šàṽé ţĥé ļöñé-ŵöŕķîñĝ ƀûđđý šĥééţ àš à ÞĐƑ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>include the sealed visit address</source>
            <translation>⟦îñçļûđé ţĥé šéàļéđ ṽîšîţ àđđŕéšš ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Repeat it: </source>
            <translation>⟦Ŕéþéàţ îţ:  ŵîðé⟧</translation>
        </message>
        <message>
            <source>the two passphrases differ</source>
            <translation>⟦ţĥé ţŵö þàššþĥŕàšéš đîƒƒéŕ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{path} already exists: choose another name (nothing is overwritten)</source>
            <translation>⟦{path} àļŕéàđý éẋîšţš: çĥööšé àñöţĥéŕ ñàɱé (ñöţĥîñĝ îš öṽéŕŵŕîţţéñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{out}: the output must end in .pdf</source>
            <translation>⟦{out}: ţĥé öûţþûţ ɱûšţ éñđ îñ .þđƒ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>no export passphrase: set {env_export_passphrase} or run in a terminal</source>
            <translation>⟦ñö éẋþöŕţ þàššþĥŕàšé: šéţ {env_export_passphrase} öŕ ŕûñ îñ à ţéŕɱîñàļ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>can the participant understand?</source>
            <translation>⟦çàñ ţĥé þàŕţîçîþàñţ ûñđéŕšţàñđ? ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>can the participant retain?</source>
            <translation>⟦çàñ ţĥé þàŕţîçîþàñţ ŕéţàîñ? ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>can the participant weigh up?</source>
            <translation>⟦çàñ ţĥé þàŕţîçîþàñţ ŵéîĝĥ ûþ? ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>can the participant communicate?</source>
            <translation>⟦çàñ ţĥé þàŕţîçîþàñţ çöɱɱûñîçàţé? ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>RECOVERY KEY (shown once; write it down and keep it apart from this laptop):</source>
            <translation>⟦ŔÉÇÖṼÉŔÝ ĶÉÝ (šĥöŵñ öñçé; ŵŕîţé îţ đöŵñ àñđ ķééþ îţ àþàŕţ ƒŕöɱ ţĥîš ļàþţöþ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé:⟧</translation>
        </message>
        <message>
            <source>Next: fieldwork pack import --example   (or a study pack of your own)</source>
            <translation>⟦Ñéẋţ: ƒîéļđŵöŕķ þàçķ îɱþöŕţ --éẋàɱþļé   (öŕ à šţûđý þàçķ öƒ ýöûŕ öŵñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Give it a new version before importing it where this version is already imported.</source>
            <translation>⟦Ĝîṽé îţ à ñéŵ ṽéŕšîöñ ƀéƒöŕé îɱþöŕţîñĝ îţ ŵĥéŕé ţĥîš ṽéŕšîöñ îš àļŕéàđý îɱþöŕţéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>interpreter booked</source>
            <translation>⟦îñţéŕþŕéţéŕ ƀööķéđ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>interpreter not booked</source>
            <translation>⟦îñţéŕþŕéţéŕ ñöţ ƀööķéđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>witness booked</source>
            <translation>⟦ŵîţñéšš ƀööķéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>witness not booked</source>
            <translation>⟦ŵîţñéšš ñöţ ƀööķéđ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Consent {consent_id} recorded for {participant} ({form}, {information_sheet}); recording permitted</source>
            <translation>⟦Çöñšéñţ {consent_id} ŕéçöŕđéđ ƒöŕ {participant} ({form}, {information_sheet}); ŕéçöŕđîñĝ þéŕɱîţţéđ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Consent {consent_id} recorded for {participant} ({form}, {information_sheet}); recording NOT permitted</source>
            <translation>⟦Çöñšéñţ {consent_id} ŕéçöŕđéđ ƒöŕ {participant} ({form}, {information_sheet}); ŕéçöŕđîñĝ ÑÖŢ þéŕɱîţţéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>none</source>
            <translation>⟦ñöñé ŵî⟧</translation>
        </message>
        <message>
            <source>create a vault on this laptop (prints the recovery key once)</source>
            <translation>⟦çŕéàţé à ṽàûļţ öñ ţĥîš ļàþţöþ (þŕîñţš ţĥé ŕéçöṽéŕý ķéý öñçé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the first user's name (or the global --user / FIELDWORK_USER)</source>
            <translation>⟦ţĥé ƒîŕšţ ûšéŕ'š ñàɱé (öŕ ţĥé ĝļöƀàļ --ûšéŕ / ƑÎÉĻĐŴÖŔĶ_ÛŠÉŔ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>read the new passphrase from this file</source>
            <translation>⟦ŕéàđ ţĥé ñéŵ þàššþĥŕàšé ƒŕöɱ ţĥîš ƒîļé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>add a user with their own passphrase</source>
            <translation>⟦àđđ à ûšéŕ ŵîţĥ ţĥéîŕ öŵñ þàššþĥŕàšé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>read the new user's passphrase from this file</source>
            <translation>⟦ŕéàđ ţĥé ñéŵ ûšéŕ'š þàššþĥŕàšé ƒŕöɱ ţĥîš ƒîļé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>remove a user's key slot (with --rekey, also a new data key)</source>
            <translation>⟦ŕéɱöṽé à ûšéŕ'š ķéý šļöţ (ŵîţĥ --ŕéķéý, àļšö à ñéŵ đàţà ķéý) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>re-key the vault at once, so no older copy of the key slots opens it</source>
            <translation>⟦ŕé-ķéý ţĥé ṽàûļţ àţ öñçé, šö ñö öļđéŕ çöþý öƒ ţĥé ķéý šļöţš öþéñš îţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>change your passphrase (rewraps your key slot only)</source>
            <translation>⟦çĥàñĝé ýöûŕ þàššþĥŕàšé (ŕéŵŕàþš ýöûŕ ķéý šļöţ öñļý) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>re-key the vault at once, so the old passphrase opens no older copy</source>
            <translation>⟦ŕé-ķéý ţĥé ṽàûļţ àţ öñçé, šö ţĥé öļđ þàššþĥŕàšé öþéñš ñö öļđéŕ çöþý ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>set a new passphrase with the recovery key</source>
            <translation>⟦šéţ à ñéŵ þàššþĥŕàšé ŵîţĥ ţĥé ŕéçöṽéŕý ķéý ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>file holding the recovery key (else FIELDWORK_RECOVERY_KEY or a prompt)</source>
            <translation>⟦ƒîļé ĥöļđîñĝ ţĥé ŕéçöṽéŕý ķéý (éļšé ƑÎÉĻĐŴÖŔĶ_ŔÉÇÖṼÉŔÝ_ĶÉÝ öŕ à þŕöɱþţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>check a study pack; one located error per line</source>
            <translation>⟦çĥéçķ à šţûđý þàçķ; öñé ļöçàţéđ éŕŕöŕ þéŕ ļîñé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>rewrite a format-1 study pack as format 2, keeping its comments</source>
            <translation>⟦ŕéŵŕîţé à ƒöŕɱàţ-1 šţûđý þàçķ àš ƒöŕɱàţ 2, ķééþîñĝ îţš çöɱɱéñţš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>write the upgraded pack to this new folder instead of in place</source>
            <translation>⟦ŵŕîţé ţĥé ûþĝŕàđéđ þàçķ ţö ţĥîš ñéŵ ƒöļđéŕ îñšţéàđ öƒ îñ þļàçé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>import a study pack (all or nothing)</source>
            <translation>⟦îɱþöŕţ à šţûđý þàçķ (àļļ öŕ ñöţĥîñĝ) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the built-in example study</source>
            <translation>⟦ţĥé ƀûîļţ-îñ éẋàɱþļé šţûđý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>use this age public key file (study.pub) for sync</source>
            <translation>⟦ûšé ţĥîš àĝé þûƀļîç ķéý ƒîļé (šţûđý.þûƀ) ƒöŕ šýñç ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>confirm a changed study key by its fingerprint (check it with the data manager)</source>
            <translation>⟦çöñƒîŕɱ à çĥàñĝéđ šţûđý ķéý ƀý îţš ƒîñĝéŕþŕîñţ (çĥéçķ îţ ŵîţĥ ţĥé đàţà ɱàñàĝéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>confirm a changed identity key by its fingerprint</source>
            <translation>⟦çöñƒîŕɱ à çĥàñĝéđ îđéñţîţý ķéý ƀý îţš ƒîñĝéŕþŕîñţ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>confirm a changed identity store by its new name ('none' for none)</source>
            <translation>⟦çöñƒîŕɱ à çĥàñĝéđ îđéñţîţý šţöŕé ƀý îţš ñéŵ ñàɱé ('ñöñé' ƒöŕ ñöñé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>confirm packs from a new data manager signing key, by its fingerprint</source>
            <translation>⟦çöñƒîŕɱ þàçķš ƒŕöɱ à ñéŵ đàţà ɱàñàĝéŕ šîĝñîñĝ ķéý, ƀý îţš ƒîñĝéŕþŕîñţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>make a pack no newer than one already imported the one in use (check with the data manager)</source>
            <translation>⟦ɱàķé à þàçķ ñö ñéŵéŕ ţĥàñ öñé àļŕéàđý îɱþöŕţéđ ţĥé öñé îñ ûšé (çĥéçķ ŵîţĥ ţĥé đàţà ɱàñàĝéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>imported packs and document versions</source>
            <translation>⟦îɱþöŕţéđ þàçķš àñđ đöçûɱéñţ ṽéŕšîöñš ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>add a participant; prints the new pseudonymous id</source>
            <translation>⟦àđđ à þàŕţîçîþàñţ; þŕîñţš ţĥé ñéŵ þšéûđöñýɱöûš îđ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>id of the participant this one is linked to (the group's linked_to)</source>
            <translation>⟦îđ öƒ ţĥé þàŕţîçîþàñţ ţĥîš öñé îš ļîñķéđ ţö (ţĥé ĝŕöûþ'š ļîñķéđ_ţö) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>a participant attribute the pack defines</source>
            <translation>⟦à þàŕţîçîþàñţ àţţŕîƀûţé ţĥé þàçķ đéƒîñéš ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>show or set the pack's participant attributes (age band, language ...)</source>
            <translation>⟦šĥöŵ öŕ šéţ ţĥé þàçķ'š þàŕţîçîþàñţ àţţŕîƀûţéš (àĝé ƀàñđ, ļàñĝûàĝé ...) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>list participants</source>
            <translation>⟦ļîšţ þàŕţîçîþàñţš ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>record eligibility answers from a JSON file {criterion: true/false}</source>
            <translation>⟦ŕéçöŕđ éļîĝîƀîļîţý àñšŵéŕš ƒŕöɱ à ĴŠÖÑ ƒîļé {criterion: true/false} ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the tasks the protocol asks for before a participant's session</source>
            <translation>⟦ţĥé ţàšķš ţĥé þŕöţöçöļ àšķš ƒöŕ ƀéƒöŕé à þàŕţîçîþàñţ'š šéššîöñ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>mark a task the protocol asks for as done (a parent notified ...)</source>
            <translation>⟦ɱàŕķ à ţàšķ ţĥé þŕöţöçöļ àšķš ƒöŕ àš đöñé (à þàŕéñţ ñöţîƒîéđ ...) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>a short note (no names)</source>
            <translation>⟦à šĥöŕţ ñöţé (ñö ñàɱéš) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the day it was done, YYYY-MM-DD, if before today</source>
            <translation>⟦ţĥé đàý îţ ŵàš đöñé, ÝÝÝÝ-ṀṀ-ĐĐ, îƒ ƀéƒöŕé ţöđàý ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>record a withdrawal</source>
            <translation>⟦ŕéçöŕđ à ŵîţĥđŕàŵàļ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>effective date, YYYY-MM-DD</source>
            <translation>⟦éƒƒéçţîṽé đàţé, ÝÝÝÝ-ṀṀ-ĐĐ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the analysis cut-off has passed</source>
            <translation>⟦ţĥé àñàļýšîš çûţ-öƒƒ ĥàš þàššéđ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>with delete_data: confirm that the participant's sessions not yet sent are deleted here and never sent</source>
            <translation>⟦ŵîţĥ đéļéţé_đàţà: çöñƒîŕɱ ţĥàţ ţĥé þàŕţîçîþàñţ'š šéššîöñš ñöţ ýéţ šéñţ àŕé đéļéţéđ ĥéŕé àñđ ñéṽéŕ šéñţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>plan a session; prints the new id</source>
            <translation>⟦þļàñ à šéššîöñ; þŕîñţš ţĥé ñéŵ îđ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>a venue the pack defines, or home, clinic, remote_video, phone</source>
            <translation>⟦à ṽéñûé ţĥé þàçķ đéƒîñéš, öŕ ĥöɱé, çļîñîç, ŕéɱöţé_ṽîđéö, þĥöñé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>planned start, YYYY-MM-DDTHH:MM</source>
            <translation>⟦þļàññéđ šţàŕţ, ÝÝÝÝ-ṀṀ-ĐĐŢĤĤ:ṀṀ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>planned length in minutes</source>
            <translation>⟦þļàññéđ ļéñĝţĥ îñ ɱîñûţéš ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>list sessions</source>
            <translation>⟦ļîšţ šéššîöñš ŵîðé⟧</translation>
        </message>
        <message>
            <source>what is still needed before the session is ready</source>
            <translation>⟦ŵĥàţ îš šţîļļ ñééđéđ ƀéƒöŕé ţĥé šéššîöñ îš ŕéàđý ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>save the session's close-out: wellbeing check, support list, voucher</source>
            <translation>⟦šàṽé ţĥé šéššîöñ'š çļöšé-öûţ: ŵéļļƀéîñĝ çĥéçķ, šûþþöŕţ ļîšţ, ṽöûçĥéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>how the participant was at the end (the wellbeing check)</source>
            <translation>⟦ĥöŵ ţĥé þàŕţîçîþàñţ ŵàš àţ ţĥé éñđ (ţĥé ŵéļļƀéîñĝ çĥéçķ) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>a support entry given (repeat)</source>
            <translation>⟦à šûþþöŕţ éñţŕý ĝîṽéñ (ŕéþéàţ) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>a JSON file {"type": ..., "value": ..., "serial": ..., "participant_id": ...} (repeat)</source>
            <translation>⟦à ĴŠÖÑ ƒîļé {"type": ..., "value": ..., "serial": ..., "participant_id": ...} (ŕéþéàţ) ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>field notes (replaces those saved; not given: kept)</source>
            <translation>⟦ƒîéļđ ñöţéš (ŕéþļàçéš ţĥöšé šàṽéđ; ñöţ ĝîṽéñ: ķéþţ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>a reflexive note (replaces the one saved; not given: kept)</source>
            <translation>⟦à ŕéƒļéẋîṽé ñöţé (ŕéþļàçéš ţĥé öñé šàṽéđ; ñöţ ĝîṽéñ: ķéþţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>a follow-up task (repeat)</source>
            <translation>⟦à ƒöļļöŵ-ûþ ţàšķ (ŕéþéàţ) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>record a capacity assessment at this session (where the pack asks)</source>
            <translation>⟦ŕéçöŕđ à çàþàçîţý àššéššɱéñţ àţ ţĥîš šéššîöñ (ŵĥéŕé ţĥé þàçķ àšķš) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>record that the interpreter or witness the protocol asks for is booked</source>
            <translation>⟦ŕéçöŕđ ţĥàţ ţĥé îñţéŕþŕéţéŕ öŕ ŵîţñéšš ţĥé þŕöţöçöļ àšķš ƒöŕ îš ƀööķéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the interpreter is booked (or not)</source>
            <translation>⟦ţĥé îñţéŕþŕéţéŕ îš ƀööķéđ (öŕ ñöţ) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the witness is booked (or not)</source>
            <translation>⟦ţĥé ŵîţñéšš îš ƀööķéđ (öŕ ñöţ) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>complete a session once its close-out is saved</source>
            <translation>⟦çöɱþļéţé à šéššîöñ öñçé îţš çļöšé-öûţ îš šàṽéđ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>print the answers file to fill in: the form's id and version, every statement null</source>
            <translation>⟦þŕîñţ ţĥé àñšŵéŕš ƒîļé ţö ƒîļļ îñ: ţĥé ƒöŕɱ'š îđ àñđ ṽéŕšîöñ, éṽéŕý šţàţéɱéñţ ñûļļ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>record consent answers (true/false per statement)</source>
            <translation>⟦ŕéçöŕđ çöñšéñţ àñšŵéŕš (ţŕûé/ƒàļšé þéŕ šţàţéɱéñţ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>attested consent: why the participant consented but did not sign (kept in the identity store)</source>
            <translation>⟦àţţéšţéđ çöñšéñţ: ŵĥý ţĥé þàŕţîçîþàñţ çöñšéñţéđ ƀûţ đîđ ñöţ šîĝñ (ķéþţ îñ ţĥé îđéñţîţý šţöŕé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the consent recording id (verbal consent)</source>
            <translation>⟦ţĥé çöñšéñţ ŕéçöŕđîñĝ îđ (ṽéŕƀàļ çöñšéñţ) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>a JSON object naming the others with a part in the consent (witness, interpreter, guardian, consultee: kept in the identity store); - reads standard input. Names are never taken on the command line, where shell history and the process list would keep them</source>
            <translation>⟦à ĴŠÖÑ öƀĵéçţ ñàɱîñĝ ţĥé öţĥéŕš ŵîţĥ à þàŕţ îñ ţĥé çöñšéñţ (ŵîţñéšš, îñţéŕþŕéţéŕ, ĝûàŕđîàñ, çöñšûļţéé: ķéþţ îñ ţĥé îđéñţîţý šţöŕé); - ŕéàđš šţàñđàŕđ îñþûţ. Ñàɱéš àŕé ñéṽéŕ ţàķéñ öñ ţĥé çöɱɱàñđ ļîñé, ŵĥéŕé šĥéļļ ĥîšţöŕý àñđ ţĥé þŕöçéšš ļîšţ ŵöûļđ ķééþ ţĥéɱ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>a witness was present (their name from --names, else asked)</source>
            <translation>⟦à ŵîţñéšš ŵàš þŕéšéñţ (ţĥéîŕ ñàɱé ƒŕöɱ --ñàɱéš, éļšé àšķéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>an interpreter was present (their name from --names, else asked)</source>
            <translation>⟦àñ îñţéŕþŕéţéŕ ŵàš þŕéšéñţ (ţĥéîŕ ñàɱé ƒŕöɱ --ñàɱéš, éļšé àšķéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the interpreter has signed the confidentiality agreement the pack names</source>
            <translation>⟦ţĥé îñţéŕþŕéţéŕ ĥàš šîĝñéđ ţĥé çöñƒîđéñţîàļîţý àĝŕééɱéñţ ţĥé þàçķ ñàɱéš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the parent or guardian whose part the consent needs (their name from --names, else asked)</source>
            <translation>⟦ţĥé þàŕéñţ öŕ ĝûàŕđîàñ ŵĥöšé þàŕţ ţĥé çöñšéñţ ñééđš (ţĥéîŕ ñàɱé ƒŕöɱ --ñàɱéš, éļšé àšķéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the parent or guardian has completed the form the pack names</source>
            <translation>⟦ţĥé þàŕéñţ öŕ ĝûàŕđîàñ ĥàš çöɱþļéţéđ ţĥé ƒöŕɱ ţĥé þàçķ ñàɱéš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the consultee whose part the consent needs (their name from --names, else asked)</source>
            <translation>⟦ţĥé çöñšûļţéé ŵĥöšé þàŕţ ţĥé çöñšéñţ ñééđš (ţĥéîŕ ñàɱé ƒŕöɱ --ñàɱéš, éļšé àšķéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the consultee has completed the form the pack names</source>
            <translation>⟦ţĥé çöñšûļţéé ĥàš çöɱþļéţéđ ţĥé ƒöŕɱ ţĥé þàçķ ñàɱéš ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the consultee route: the consultee's relationship to the participant (identity store)</source>
            <translation>⟦ţĥé çöñšûļţéé ŕöûţé: ţĥé çöñšûļţéé'š ŕéļàţîöñšĥîþ ţö ţĥé þàŕţîçîþàñţ (îđéñţîţý šţöŕé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the consultee route: a personal consultee, or a nominated one where there is none</source>
            <translation>⟦ţĥé çöñšûļţéé ŕöûţé: à þéŕšöñàļ çöñšûļţéé, öŕ à ñöɱîñàţéđ öñé ŵĥéŕé ţĥéŕé îš ñöñé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the consultee route: whether the consultee advises the participant would want to take part</source>
            <translation>⟦ţĥé çöñšûļţéé ŕöûţé: ŵĥéţĥéŕ ţĥé çöñšûļţéé àđṽîšéš ţĥé þàŕţîçîþàñţ ŵöûļđ ŵàñţ ţö ţàķé þàŕţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the consultee route: the day of the advice (today)</source>
            <translation>⟦ţĥé çöñšûļţéé ŕöûţé: ţĥé đàý öƒ ţĥé àđṽîçé (ţöđàý) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>print the verbal-consent script for a participant: what to ask, and what does not apply</source>
            <translation>⟦þŕîñţ ţĥé ṽéŕƀàļ-çöñšéñţ šçŕîþţ ƒöŕ à þàŕţîçîþàñţ: ŵĥàţ ţö àšķ, àñđ ŵĥàţ đöéš ñöţ àþþļý ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>an answers file so far (statements that wait on an answer)</source>
            <translation>⟦àñ àñšŵéŕš ƒîļé šö ƒàŕ (šţàţéɱéñţš ţĥàţ ŵàîţ öñ àñ àñšŵéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the study, participants, sessions and what waits on this laptop</source>
            <translation>⟦ţĥé šţûđý, þàŕţîçîþàñţš, šéššîöñš àñđ ŵĥàţ ŵàîţš öñ ţĥîš ļàþţöþ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>print audit entries</source>
            <translation>⟦þŕîñţ àûđîţ éñţŕîéš ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>check every part on this machine in a throw-away vault</source>
            <translation>⟦çĥéçķ éṽéŕý þàŕţ öñ ţĥîš ɱàçĥîñé îñ à ţĥŕöŵ-àŵàý ṽàûļţ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>input device (default: the system default)</source>
            <translation>⟦îñþûţ đéṽîçé (đéƒàûļţ: ţĥé šýšţéɱ đéƒàûļţ) ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>a new data key for everything (revokes older copies of the key slots)</source>
            <translation>⟦à ñéŵ đàţà ķéý ƒöŕ éṽéŕýţĥîñĝ (ŕéṽöķéš öļđéŕ çöþîéš öƒ ţĥé ķéý šļöţš) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>make a new recovery key (the old one stops working)</source>
            <translation>⟦ɱàķé à ñéŵ ŕéçöṽéŕý ķéý (ţĥé öļđ öñé šţöþš ŵöŕķîñĝ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>re-key the vault at once as well</source>
            <translation>⟦ŕé-ķéý ţĥé ṽàûļţ àţ öñçé àš ŵéļļ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>write a backup of the data directory (encrypted as the vault is)</source>
            <translation>⟦ŵŕîţé à ƀàçķûþ öƒ ţĥé đàţà đîŕéçţöŕý (éñçŕýþţéđ àš ţĥé ṽàûļţ îš) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the backup file to write (never overwritten)</source>
            <translation>⟦ţĥé ƀàçķûþ ƒîļé ţö ŵŕîţé (ñéṽéŕ öṽéŕŵŕîţţéñ) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>put a backup in place of the data directory (the old one is kept aside)</source>
            <translation>⟦þûţ à ƀàçķûþ îñ þļàçé öƒ ţĥé đàţà đîŕéçţöŕý (ţĥé öļđ öñé îš ķéþţ àšîđé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>say who the first user is: fieldwork init --user NAME</source>
            <translation>⟦šàý ŵĥö ţĥé ƒîŕšţ ûšéŕ îš: ƒîéļđŵöŕķ îñîţ --ûšéŕ ÑÀṀÉ ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>passphrase</source>
            <translation>⟦þàššþĥŕàšé ŵîðé⟧</translation>
        </message>
        <message>
            <source>NEW RECOVERY KEY (the old one was of an older format; shown once, write it down):</source>
            <translation>⟦ÑÉŴ ŔÉÇÖṼÉŔÝ ĶÉÝ (ţĥé öļđ öñé ŵàš öƒ àñ öļđéŕ ƒöŕɱàţ; šĥöŵñ öñçé, ŵŕîţé îţ đöŵñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî:⟧</translation>
        </message>
        <message>
            <source>NEW RECOVERY KEY (shown once; write it down and keep it apart from this laptop):</source>
            <translation>⟦ÑÉŴ ŔÉÇÖṼÉŔÝ ĶÉÝ (šĥöŵñ öñçé; ŵŕîţé îţ đöŵñ àñđ ķééþ îţ àþàŕţ ƒŕöɱ ţĥîš ļàþţöþ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî:⟧</translation>
        </message>
        <message>
            <source>The old recovery key no longer opens this vault's key-slot file.</source>
            <translation>⟦Ţĥé öļđ ŕéçöṽéŕý ķéý ñö ļöñĝéŕ öþéñš ţĥîš ṽàûļţ'š ķéý-šļöţ ƒîļé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>vault check: everything is sound</source>
            <translation>⟦ṽàûļţ çĥéçķ: éṽéŕýţĥîñĝ îš šöûñđ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Passphrase changed</source>
            <translation>⟦Þàššþĥŕàšé çĥàñĝéđ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>pack.sig no longer matches pack.yaml: sign the pack again before sending it.</source>
            <translation>⟦þàçķ.šîĝ ñö ļöñĝéŕ ɱàţçĥéš þàçķ.ýàɱļ: šîĝñ ţĥé þàçķ àĝàîñ ƀéƒöŕé šéñđîñĝ îţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>give a pack directory, or --example for the built-in example study</source>
            <translation>⟦ĝîṽé à þàçķ đîŕéçţöŕý, öŕ --éẋàɱþļé ƒöŕ ţĥé ƀûîļţ-îñ éẋàɱþļé šţûđý ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{pack_id} {version}  (in use)  imported {imported_at}</source>
            <translation>⟦{pack_id} {version}  (îñ ûšé)  îɱþöŕţéđ {imported_at} ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{pack_id} {version}  imported {imported_at}</source>
            <translation>⟦{pack_id} {version}  îɱþöŕţéđ {imported_at} ŵîðé⟧</translation>
        </message>
        <message>
            <source>screening answers</source>
            <translation>⟦šçŕééñîñĝ àñšŵéŕš ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>eligible</source>
            <translation>⟦éļîĝîƀļé ŵîð⟧</translation>
        </message>
        <message>
            <source>not eligible</source>
            <translation>⟦ñöţ éļîĝîƀļé ŵîðé⟧</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>⟦ŕéàđý ŵî⟧</translation>
        </message>
        <message>
            <source>not ready</source>
            <translation>⟦ñöţ ŕéàđý ŵîðé⟧</translation>
        </message>
        <message>
            <source>say who is booked: --interpreter or --witness (--no-... when not)</source>
            <translation>⟦šàý ŵĥö îš ƀööķéđ: --îñţéŕþŕéţéŕ öŕ --ŵîţñéšš (--ñö-... ŵĥéñ ñöţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The wellbeing check is still to be recorded (--wellbeing) before the session can be completed</source>
            <translation>⟦Ţĥé ŵéļļƀéîñĝ çĥéçķ îš šţîļļ ţö ƀé ŕéçöŕđéđ (--ŵéļļƀéîñĝ) ƀéƒöŕé ţĥé šéššîöñ çàñ ƀé çöɱþļéţéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>--consultee-relationship, -kind, -advice and -advised-on go with a consultee (--consultee, or --names FILE)</source>
            <translation>⟦--çöñšûļţéé-ŕéļàţîöñšĥîþ, -ķîñđ, -àđṽîçé àñđ -àđṽîšéđ-öñ ĝö ŵîţĥ à çöñšûļţéé (--çöñšûļţéé, öŕ --ñàɱéš ƑÎĻÉ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>consent answers</source>
            <translation>⟦çöñšéñţ àñšŵéŕš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>No verbal-consent script is in use for this participant's form: read the statements.</source>
            <translation>⟦Ñö ṽéŕƀàļ-çöñšéñţ šçŕîþţ îš îñ ûšé ƒöŕ ţĥîš þàŕţîçîþàñţ'š ƒöŕɱ: ŕéàđ ţĥé šţàţéɱéñţš. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Study: none imported yet</source>
            <translation>⟦Šţûđý: ñöñé îɱþöŕţéđ ýéţ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>  waiting on this laptop: {session} for {days} days  OVER THE STUDY'S LIMIT</source>
            <translation>⟦  ŵàîţîñĝ öñ ţĥîš ļàþţöþ: {session} ƒöŕ {days} đàýš  ÖṼÉŔ ŢĤÉ ŠŢÛĐÝ'Š ĻÎṀÎŢ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>  waiting on this laptop: {session} for {days} days</source>
            <translation>⟦  ŵàîţîñĝ öñ ţĥîš ļàþţöþ: {session} ƒöŕ {days} đàýš ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>selftest passed</source>
            <translation>⟦šéļƒţéšţ þàššéđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>selftest FAILED</source>
            <translation>⟦šéļƒţéšţ ƑÀÎĻÉĐ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>list users</source>
            <translation>⟦ļîšţ ûšéŕš ŵîðé⟧</translation>
        </message>
        <message>
            <source>check the hash chain</source>
            <translation>⟦çĥéçķ ţĥé ĥàšĥ çĥàîñ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>check both databases page by page, the audit log, takes and log</source>
            <translation>⟦çĥéçķ ƀöţĥ đàţàƀàšéš þàĝé ƀý þàĝé, ţĥé àûđîţ ļöĝ, ţàķéš àñđ ļöĝ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>decrypt and print the log</source>
            <translation>⟦đéçŕýþţ àñđ þŕîñţ ţĥé ļöĝ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Created a vault for {name} in {root}</source>
            <translation>⟦Çŕéàţéđ à ṽàûļţ ƒöŕ {name} îñ {root} ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Added user {name} ({role})</source>
            <translation>⟦Àđđéđ ûšéŕ {name} ({role}) ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Re-keyed the vault: a new data key, {slots} key slot(s) sealed again, {takes} take(s) and the log encrypted again. Older copies of the key-slot file no longer open it.</source>
            <translation>⟦Ŕé-ķéýéđ ţĥé ṽàûļţ: à ñéŵ đàţà ķéý, {slots} ķéý šļöţ(š) šéàļéđ àĝàîñ, {takes} ţàķé(š) àñđ ţĥé ļöĝ éñçŕýþţéđ àĝàîñ. Öļđéŕ çöþîéš öƒ ţĥé ķéý-šļöţ ƒîļé ñö ļöñĝéŕ öþéñ îţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>An older copy of the key-slot file (a backup, a copy taken before) with their passphrase still opens the data as it is now, until the vault is re-keyed: run 'fieldwork vault rekey'.</source>
            <translation>⟦Àñ öļđéŕ çöþý öƒ ţĥé ķéý-šļöţ ƒîļé (à ƀàçķûþ, à çöþý ţàķéñ ƀéƒöŕé) ŵîţĥ ţĥéîŕ þàššþĥŕàšé šţîļļ öþéñš ţĥé đàţà àš îţ îš ñöŵ, ûñţîļ ţĥé ṽàûļţ îš ŕé-ķéýéđ: ŕûñ 'ƒîéļđŵöŕķ ṽàûļţ ŕéķéý'. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>An older copy of the key-slot file (a backup, a copy taken before) with the old recovery key still opens the data as it is now, until the vault is re-keyed: run 'fieldwork vault rekey'.</source>
            <translation>⟦Àñ öļđéŕ çöþý öƒ ţĥé ķéý-šļöţ ƒîļé (à ƀàçķûþ, à çöþý ţàķéñ ƀéƒöŕé) ŵîţĥ ţĥé öļđ ŕéçöṽéŕý ķéý šţîļļ öþéñš ţĥé đàţà àš îţ îš ñöŵ, ûñţîļ ţĥé ṽàûļţ îš ŕé-ķéýéđ: ŕûñ 'ƒîéļđŵöŕķ ṽàûļţ ŕéķéý'. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>vault check: {count} problem(s). Restore from a backup with 'fieldwork vault restore FILE' (the damaged files are kept aside), or ask your data manager.</source>
            <translation>⟦ṽàûļţ çĥéçķ: {count} þŕöƀļéɱ(š). Ŕéšţöŕé ƒŕöɱ à ƀàçķûþ ŵîţĥ 'ƒîéļđŵöŕķ ṽàûļţ ŕéšţöŕé ƑÎĻÉ' (ţĥé đàɱàĝéđ ƒîļéš àŕé ķéþţ àšîđé), öŕ àšķ ýöûŕ đàţà ɱàñàĝéŕ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Backup written to {out} ({files} files; it opens with the passphrases valid today)</source>
            <translation>⟦Ɓàçķûþ ŵŕîţţéñ ţö {out} ({files} ƒîļéš; îţ öþéñš ŵîţĥ ţĥé þàššþĥŕàšéš ṽàļîđ ţöđàý) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Restored the vault in {root} from {file}</source>
            <translation>⟦Ŕéšţöŕéđ ţĥé ṽàûļţ îñ {root} ƒŕöɱ {file} ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>An older copy of the key-slot file (a backup, a copy taken before) with your old passphrase still opens the data as it is now, until the vault is re-keyed: run 'fieldwork vault rekey'.</source>
            <translation>⟦Àñ öļđéŕ çöþý öƒ ţĥé ķéý-šļöţ ƒîļé (à ƀàçķûþ, à çöþý ţàķéñ ƀéƒöŕé) ŵîţĥ ýöûŕ öļđ þàššþĥŕàšé šţîļļ öþéñš ţĥé đàţà àš îţ îš ñöŵ, ûñţîļ ţĥé ṽàûļţ îš ŕé-ķéýéđ: ŕûñ 'ƒîéļđŵöŕķ ṽàûļţ ŕéķéý'. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>recovery key</source>
            <translation>⟦ŕéçöṽéŕý ķéý ŵîðé⟧</translation>
        </message>
        <message>
            <source>An older copy of the key-slot file (a backup, a copy taken before) with the old passphrase still opens the data as it is now, until the vault is re-keyed: run 'fieldwork vault rekey'.</source>
            <translation>⟦Àñ öļđéŕ çöþý öƒ ţĥé ķéý-šļöţ ƒîļé (à ƀàçķûþ, à çöþý ţàķéñ ƀéƒöŕé) ŵîţĥ ţĥé öļđ þàššþĥŕàšé šţîļļ öþéñš ţĥé đàţà àš îţ îš ñöŵ, ûñţîļ ţĥé ṽàûļţ îš ŕé-ķéýéđ: ŕûñ 'ƒîéļđŵöŕķ ṽàûļţ ŕéķéý'. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Upgraded study pack {pack_id} {version} to format 2: {written}</source>
            <translation>⟦Ûþĝŕàđéđ šţûđý þàçķ {pack_id} {version} ţö ƒöŕɱàţ 2: {written} ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Venues made from its location kinds: {venues}</source>
            <translation>⟦Ṽéñûéš ɱàđé ƒŕöɱ îţš ļöçàţîöñ ķîñđš: {venues} ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>study key: {study_key}</source>
            <translation>⟦šţûđý ķéý: {study_key} ŵîðé⟧</translation>
        </message>
        <message>
            <source>pack signer: {signer}</source>
            <translation>⟦þàçķ šîĝñéŕ: {signer} ŵîðé⟧</translation>
        </message>
        <message>
            <source>Marked '{task}' done for {id}</source>
            <translation>⟦Ṁàŕķéđ '{task}' đöñé ƒöŕ {id} ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Data already analysed is kept; no new data is collected</source>
            <translation>⟦Đàţà àļŕéàđý àñàļýšéđ îš ķéþţ; ñö ñéŵ đàţà îš çöļļéçţéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Withdrawal {wid} recorded for {id}; no new sessions can be planned with them</source>
            <translation>⟦Ŵîţĥđŕàŵàļ {wid} ŕéçöŕđéđ ƒöŕ {id}; ñö ñéŵ šéššîöñš çàñ ƀé þļàññéđ ŵîţĥ ţĥéɱ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Session {id}: {booked}</source>
            <translation>⟦Šéššîöñ {id}: {booked} ŵîðé⟧</translation>
        </message>
        <message>
            <source>voucher</source>
            <translation>⟦ṽöûçĥéŕ ŵîð⟧</translation>
        </message>
        <message>
            <source>Close-out of {id} saved ({count} voucher(s), {count2} follow-up task(s))</source>
            <translation>⟦Çļöšé-öûţ öƒ {id} šàṽéđ ({count} ṽöûçĥéŕ(š), {count2} ƒöļļöŵ-ûþ ţàšķ(š)) ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>names</source>
            <translation>⟦ñàɱéš ŵî⟧</translation>
        </message>
        <message>
            <source>--interpreter-agreement goes with an interpreter (--interpreter, or --names FILE)</source>
            <translation>⟦--îñţéŕþŕéţéŕ-àĝŕééɱéñţ ĝöéš ŵîţĥ àñ îñţéŕþŕéţéŕ (--îñţéŕþŕéţéŕ, öŕ --ñàɱéš ƑÎĻÉ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Vault: {data_dir} (user {user}, SQLCipher {sqlcipher})</source>
            <translation>⟦Ṽàûļţ: {data_dir} (ûšéŕ {user}, ŠǪĻÇîþĥéŕ {sqlcipher}) ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Sessions: {sessions}</source>
            <translation>⟦Šéššîöñš: {sessions} ŵîðé⟧</translation>
        </message>
        <message>
            <source>Audit log: {entries} entries, {ok}</source>
            <translation>⟦Àûđîţ ļöĝ: {entries} éñţŕîéš, {ok} ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>audit log broken at entry {first_bad_seq}: {problem}</source>
            <translation>⟦àûđîţ ļöĝ ƀŕöķéñ àţ éñţŕý {first_bad_seq}: {problem} ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>users of this vault</source>
            <translation>⟦ûšéŕš öƒ ţĥîš ṽàûļţ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>passphrases</source>
            <translation>⟦þàššþĥŕàšéš ŵîðé⟧</translation>
        </message>
        <message>
            <source>study packs</source>
            <translation>⟦šţûđý þàçķš ŵîðé⟧</translation>
        </message>
        <message>
            <source>participants</source>
            <translation>⟦þàŕţîçîþàñţš ŵîðé⟧</translation>
        </message>
        <message>
            <source>sessions</source>
            <translation>⟦šéššîöñš ŵîð⟧</translation>
        </message>
        <message>
            <source>consent</source>
            <translation>⟦çöñšéñţ ŵîð⟧</translation>
        </message>
        <message>
            <source>the audit log</source>
            <translation>⟦ţĥé àûđîţ ļöĝ ŵîðé⟧</translation>
        </message>
        <message>
            <source>the vault's keys and files</source>
            <translation>⟦ţĥé ṽàûļţ'š ķéýš àñđ ƒîļéš ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the encrypted application log</source>
            <translation>⟦ţĥé éñçŕýþţéđ àþþļîçàţîöñ ļöĝ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>a vault already exists in {root}</source>
            <translation>⟦à ṽàûļţ àļŕéàđý éẋîšţš îñ {root} ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>passphrase for {name}</source>
            <translation>⟦þàššþĥŕàšé ƒöŕ {name} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Removed user {name}: their passphrase no longer opens this vault's key-slot file.</source>
            <translation>⟦Ŕéɱöṽéđ ûšéŕ {name}: ţĥéîŕ þàššþĥŕàšé ñö ļöñĝéŕ öþéñš ţĥîš ṽàûļţ'š ķéý-šļöţ ƒîļé. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>no vault in {root}</source>
            <translation>⟦ñö ṽàûļţ îñ {root} ŵîðé⟧</translation>
        </message>
        <message>
            <source>ok      {line}</source>
            <translation>⟦öķ      {line} ŵîð⟧</translation>
        </message>
        <message>
            <source>DAMAGED {line}</source>
            <translation>⟦ĐÀṀÀĜÉĐ {line} ŵîð⟧</translation>
        </message>
        <message>
            <source>{name} is being recorded and is not in this backup: make another once it has stopped</source>
            <translation>⟦{name} îš ƀéîñĝ ŕéçöŕđéđ àñđ îš ñöţ îñ ţĥîš ƀàçķûþ: ɱàķé àñöţĥéŕ öñçé îţ ĥàš šţöþþéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The data directory as it was is kept at {kept}; delete it once 'fieldwork vault check' is clean</source>
            <translation>⟦Ţĥé đàţà đîŕéçţöŕý àš îţ ŵàš îš ķéþţ àţ {kept}; đéļéţé îţ öñçé 'ƒîéļđŵöŕķ ṽàûļţ çĥéçķ' îš çļéàñ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>New passphrase set for {name}</source>
            <translation>⟦Ñéŵ þàššþĥŕàšé šéţ ƒöŕ {name} ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{count} problem(s) found; the pack was not changed</source>
            <translation>⟦{count} þŕöƀļéɱ(š) ƒöûñđ; ţĥé þàçķ ŵàš ñöţ çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Notice: {notice}</source>
            <translation>⟦Ñöţîçé: {notice} ŵîð⟧</translation>
        </message>
        <message>
            <source>{path}: valid, signed by {signer}</source>
            <translation>⟦{path}: ṽàļîđ, šîĝñéđ ƀý {signer} ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{path}: valid (not signed)</source>
            <translation>⟦{path}: ṽàļîđ (ñöţ šîĝñéđ) ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Signed by the data manager key {signer}</source>
            <translation>⟦Šîĝñéđ ƀý ţĥé đàţà ɱàñàĝéŕ ķéý {signer} ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Pack {pack_id} {version} was already imported; it is the one in use</source>
            <translation>⟦Þàçķ {pack_id} {version} ŵàš àļŕéàđý îɱþöŕţéđ; îţ îš ţĥé öñé îñ ûšé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Imported pack {pack_id} {version} ({count} new document version(s); {count2} superseded{superseded})</source>
            <translation>⟦Îɱþöŕţéđ þàçķ {pack_id} {version} ({count} ñéŵ đöçûɱéñţ ṽéŕšîöñ(š); {count2} šûþéŕšéđéđ{superseded}) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>⟦ñöñé ýéţ ŵîð⟧</translation>
        </message>
        <message>
            <source>identity key: {identity_key}</source>
            <translation>⟦îđéñţîţý ķéý: {identity_key} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>identity store: {identity_store}</source>
            <translation>⟦îđéñţîţý šţöŕé: {identity_store} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>none (packs so far were not signed)</source>
            <translation>⟦ñöñé (þàçķš šö ƒàŕ ŵéŕé ñöţ šîĝñéđ) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>  {kind:&lt;22} {doc_id:&lt;28} v{version:&lt;6} {status}</source>
            <translation>⟦  {kind:&lt;22} {doc_id:&lt;28} ṽ{version:&lt;6} {status} ŵî⟧</translation>
        </message>
        <message>
            <source>{name}	(not recorded)</source>
            <translation>⟦{name}	(ñöţ ŕéçöŕđéđ) ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{answers}: expected an object of criterion id -&gt; true/false</source>
            <translation>⟦{answers}: éẋþéçţéđ àñ öƀĵéçţ öƒ çŕîţéŕîöñ îđ -&gt; ţŕûé/ƒàļšé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The protocol asks for no task before {id}'s sessions</source>
            <translation>⟦Ţĥé þŕöţöçöļ àšķš ƒöŕ ñö ţàšķ ƀéƒöŕé {id}'š šéššîöñš ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Before the study's analysis cut-off (last day {last})</source>
            <translation>⟦Ɓéƒöŕé ţĥé šţûđý'š àñàļýšîš çûţ-öƒƒ (ļàšţ đàý {last}) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>After the study's analysis cut-off (last day {last})</source>
            <translation>⟦Àƒţéŕ ţĥé šţûđý'š àñàļýšîš çûţ-öƒƒ (ļàšţ đàý {last}) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Before the study's analysis cut-off (nothing has started its count yet)</source>
            <translation>⟦Ɓéƒöŕé ţĥé šţûđý'š àñàļýšîš çûţ-öƒƒ (ñöţĥîñĝ ĥàš šţàŕţéđ îţš çöûñţ ýéţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>After the study's analysis cut-off (nothing has started its count yet)</source>
            <translation>⟦Àƒţéŕ ţĥé šţûđý'š àñàļýšîš çûţ-öƒƒ (ñöţĥîñĝ ĥàš šţàŕţéđ îţš çöûñţ ýéţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Not sent, and their data on this laptop deleted: {held}</source>
            <translation>⟦Ñöţ šéñţ, àñđ ţĥéîŕ đàţà öñ ţĥîš ļàþţöþ đéļéţéđ: {held} ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Capacity assessment recorded: {participant} can decide now</source>
            <translation>⟦Çàþàçîţý àššéššɱéñţ ŕéçöŕđéđ: {participant} çàñ đéçîđé ñöŵ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Capacity assessment recorded: {participant} cannot decide now; {advice}</source>
            <translation>⟦Çàþàçîţý àššéššɱéñţ ŕéçöŕđéđ: {participant} çàññöţ đéçîđé ñöŵ; {advice} ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Session {id} completed; it is held back and never sent (its participant withdrew)</source>
            <translation>⟦Šéššîöñ {id} çöɱþļéţéđ; îţ îš ĥéļđ ƀàçķ àñđ ñéṽéŕ šéñţ (îţš þàŕţîçîþàñţ ŵîţĥđŕéŵ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Session {id} completed and queued for the study store; send it with 'fieldwork sync'</source>
            <translation>⟦Šéššîöñ {id} çöɱþļéţéđ àñđ ǫûéûéđ ƒöŕ ţĥé šţûđý šţöŕé; šéñđ îţ ŵîţĥ 'ƒîéļđŵöŕķ šýñç' ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Recorded on the consultee's advice: {participant} did not consent themselves (capacity)</source>
            <translation>⟦Ŕéçöŕđéđ öñ ţĥé çöñšûļţéé'š àđṽîçé: {participant} đîđ ñöţ çöñšéñţ ţĥéɱšéļṽéš (çàþàçîţý) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Not applicable to {participant}, recorded as such: {ids}</source>
            <translation>⟦Ñöţ àþþļîçàƀļé ţö {participant}, ŕéçöŕđéđ àš šûçĥ: {ids} ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Study: {title} (IRAS {iras_id}; pack {pack} {pack_version})</source>
            <translation>⟦Šţûđý: {title} (ÎŔÀŠ {iras_id}; þàçķ {pack} {pack_version}) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>audit log intact: {count} entries, head {head}</source>
            <translation>⟦àûđîţ ļöĝ îñţàçţ: {count} éñţŕîéš, ĥéàđ {head} ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>fieldwork: the log's chain is broken in {count} place(s): {problems}</source>
            <translation>⟦ƒîéļđŵöŕķ: ţĥé ļöĝ'š çĥàîñ îš ƀŕöķéñ îñ {count} þļàçé(š): {problems} ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{count} problem(s) found; fix them first, the pack was not changed</source>
            <translation>⟦{count} þŕöƀļéɱ(š) ƒöûñđ; ƒîẋ ţĥéɱ ƒîŕšţ, ţĥé þàçķ ŵàš ñöţ çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Signed by key {signer}</source>
            <translation>⟦Šîĝñéđ ƀý ķéý {signer} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>'{item}' is not NAME=VALUE (e.g. age_band=16-17)</source>
            <translation>⟦'{item}' îš ñöţ ÑÀṀÉ=ṼÀĻÛÉ (é.ĝ. àĝé_ƀàñđ=16-17) ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{id}	{group}	{status}  linked to {linked_to}</source>
            <translation>⟦{id}	{group}	{status}  ļîñķéđ ţö {linked_to} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{path}: expected a JSON object of role: name</source>
            <translation>⟦{path}: éẋþéçţéđ à ĴŠÖÑ öƀĵéçţ öƒ ŕöļé: ñàɱé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{path}: no such role: {roles} (one of: {known})</source>
            <translation>⟦{path}: ñö šûçĥ ŕöļé: {roles} (öñé öƒ: {known}) ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>--{role} NAME: names are never taken on the command line (shell history, the process list); put them in a file given with --names FILE, or give --{role} alone to be asked</source>
            <translation>⟦--{role} ÑÀṀÉ: ñàɱéš àŕé ñéṽéŕ ţàķéñ öñ ţĥé çöɱɱàñđ ļîñé (šĥéļļ ĥîšţöŕý, ţĥé þŕöçéšš ļîšţ); þûţ ţĥéɱ îñ à ƒîļé ĝîṽéñ ŵîţĥ --ñàɱéš ƑÎĻÉ, öŕ ĝîṽé --{role} àļöñé ţö ƀé àšķéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>  task: {title} (due {due})</source>
            <translation>⟦  ţàšķ: {title} (đûé {due}) ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>  task: {title}</source>
            <translation>⟦  ţàšķ: {title} ŵîð⟧</translation>
        </message>
        <message>
            <source>{user}	{role}	since {created_at}</source>
            <translation>⟦{user}	{role}	šîñçé {created_at} ŵîð⟧</translation>
        </message>
        <message>
            <source>{count} problem(s) found; nothing was imported</source>
            <translation>⟦{count} þŕöƀļéɱ(š) ƒöûñđ; ñöţĥîñĝ ŵàš îɱþöŕţéđ ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>--{role}: no name for it in --names FILE, and no terminal to ask</source>
            <translation>⟦--{role}: ñö ñàɱé ƒöŕ îţ îñ --ñàɱéš ƑÎĻÉ, àñđ ñö ţéŕɱîñàļ ţö àšķ ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>--{role}: no name given; nothing was recorded</source>
            <translation>⟦--{role}: ñö ñàɱé ĝîṽéñ; ñöţĥîñĝ ŵàš ŕéçöŕđéđ ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>--{role}-form goes with a {role} (--{role}, or --names FILE)</source>
            <translation>⟦--{role}-ƒöŕɱ ĝöéš ŵîţĥ à {role} (--{role}, öŕ --ñàɱéš ƑÎĻÉ) ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{id}. (ask only where {why}) {text}</source>
            <translation>⟦{id}. (àšķ öñļý ŵĥéŕé {why}) {text} ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{id}. not asked: does not apply to {participant} (only where {why})</source>
            <translation>⟦{id}. ñöţ àšķéđ: đöéš ñöţ àþþļý ţö {participant} (öñļý ŵĥéŕé {why}) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Name of the {role}: </source>
            <translation>⟦Ñàɱé öƒ ţĥé {role}:  ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>new passphrase</source>
            <translation>⟦ñéŵ þàššþĥŕàšé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{label}: </source>
            <translation>⟦{label}:  ŵî⟧</translation>
        </message>
        <message>
            <source>this vault has several users ({users}): say which with --user or {env_user}</source>
            <translation>⟦ţĥîš ṽàûļţ ĥàš šéṽéŕàļ ûšéŕš ({users}): šàý ŵĥîçĥ ŵîţĥ --ûšéŕ öŕ {env_user} ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>no {label} given: set {env_passphrase}, use --passphrase-file, or run in a terminal</source>
            <translation>⟦ñö {label} ĝîṽéñ: šéţ {env_passphrase}, ûšé --þàššþĥŕàšé-ƒîļé, öŕ ŕûñ îñ à ţéŕɱîñàļ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Repeat the {label}: </source>
            <translation>⟦Ŕéþéàţ ţĥé {label}:  ŵîðé⟧</translation>
        </message>
        <message>
            <source>no vault in {root}: create one with 'fieldwork init --user NAME'</source>
            <translation>⟦ñö ṽàûļţ îñ {root}: çŕéàţé öñé ŵîţĥ 'ƒîéļđŵöŕķ îñîţ --ûšéŕ ÑÀṀÉ' ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{path}: the {what} file can be read by others (mode {mode:04o}); make it private with 'chmod 600 {path}' and try again</source>
            <translation>⟦{path}: ţĥé {what} ƒîļé çàñ ƀé ŕéàđ ƀý öţĥéŕš (ɱöđé {mode:04o}); ɱàķé îţ þŕîṽàţé ŵîţĥ 'çĥɱöđ 600 {path}' àñđ ţŕý àĝàîñ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{path}: cannot read the {what} file ({strerror})</source>
            <translation>⟦{path}: çàññöţ ŕéàđ ţĥé {what} ƒîļé ({strerror}) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the desktop app's forms are not built; in a source checkout run: python scripts/qtbuild.py build</source>
            <translation>⟦ţĥé đéšķţöþ àþþ'š ƒöŕɱš àŕé ñöţ ƀûîļţ; îñ à šöûŕçé çĥéçķöûţ ŕûñ: þýţĥöñ šçŕîþţš/ǫţƀûîļđ.þý ƀûîļđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>show the version and exit</source>
            <translation>⟦šĥöŵ ţĥé ṽéŕšîöñ àñđ éẋîţ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the vault's data directory (default: FIELDWORK_DATA_DIR or the platform data directory)</source>
            <translation>⟦ţĥé ṽàûļţ'š đàţà đîŕéçţöŕý (đéƒàûļţ: ƑÎÉĻĐŴÖŔĶ_ĐÀŢÀ_ĐÎŔ öŕ ţĥé þļàţƒöŕɱ đàţà đîŕéçţöŕý) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>who is working (default: FIELDWORK_USER, or the vault's only user)</source>
            <translation>⟦ŵĥö îš ŵöŕķîñĝ (đéƒàûļţ: ƑÎÉĻĐŴÖŔĶ_ÛŠÉŔ, öŕ ţĥé ṽàûļţ'š öñļý ûšéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>read the passphrase from this file (else FIELDWORK_PASSPHRASE, else a prompt)</source>
            <translation>⟦ŕéàđ ţĥé þàššþĥŕàšé ƒŕöɱ ţĥîš ƒîļé (éļšé ƑÎÉĻĐŴÖŔĶ_ÞÀŠŠÞĤŔÀŠÉ, éļšé à þŕöɱþţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>more detail on stderr</source>
            <translation>⟦ɱöŕé đéţàîļ öñ šţđéŕŕ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>study stores (sync targets) and the data manager's tools</source>
            <translation>⟦šţûđý šţöŕéš (šýñç ţàŕĝéţš) àñđ ţĥé đàţà ɱàñàĝéŕ'š ţööļš ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>start the desktop app</source>
            <translation>⟦šţàŕţ ţĥé đéšķţöþ àþþ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>build a throw-away vault with the example study, walk the main screens and save a PNG of each into OUTDIR</source>
            <translation>⟦ƀûîļđ à ţĥŕöŵ-àŵàý ṽàûļţ ŵîţĥ ţĥé éẋàɱþļé šţûđý, ŵàļķ ţĥé ɱàîñ šçŕééñš àñđ šàṽé à ÞÑĜ öƒ éàçĥ îñţö ÖÛŢĐÎŔ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>with --tour: tour this study pack instead of the built-in example</source>
            <translation>⟦ŵîţĥ --ţöûŕ: ţöûŕ ţĥîš šţûđý þàçķ îñšţéàđ öƒ ţĥé ƀûîļţ-îñ éẋàɱþļé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>window size for --tour screenshots (default 1366x768, a common laptop screen)</source>
            <translation>⟦ŵîñđöŵ šîžé ƒöŕ --ţöûŕ šçŕééñšĥöţš (đéƒàûļţ 1366ẋ768, à çöɱɱöñ ļàþţöþ šçŕééñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>--pack goes with --tour OUTDIR (the app itself uses the pack imported into the vault)</source>
            <translation>⟦--þàçķ ĝöéš ŵîţĥ --ţöûŕ ÖÛŢĐÎŔ (ţĥé àþþ îţšéļƒ ûšéš ţĥé þàçķ îɱþöŕţéđ îñţö ţĥé ṽàûļţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>fieldwork: the vault's database cannot be read: it may be damaged. Run 'fieldwork vault check'; restore from a backup with 'fieldwork vault restore FILE'.</source>
            <translation>⟦ƒîéļđŵöŕķ: ţĥé ṽàûļţ'š đàţàƀàšé çàññöţ ƀé ŕéàđ: îţ ɱàý ƀé đàɱàĝéđ. Ŕûñ 'ƒîéļđŵöŕķ ṽàûļţ çĥéçķ'; ŕéšţöŕé ƒŕöɱ à ƀàçķûþ ŵîţĥ 'ƒîéļđŵöŕķ ṽàûļţ ŕéšţöŕé ƑÎĻÉ'. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>fieldwork: the disk is full or failing; the change was rolled back and nothing saved before was lost. Free some space and try again.</source>
            <translation>⟦ƒîéļđŵöŕķ: ţĥé đîšķ îš ƒûļļ öŕ ƒàîļîñĝ; ţĥé çĥàñĝé ŵàš ŕöļļéđ ƀàçķ àñđ ñöţĥîñĝ šàṽéđ ƀéƒöŕé ŵàš ļöšţ. Ƒŕéé šöɱé šþàçé àñđ ţŕý àĝàîñ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the desktop app cannot start: {error}</source>
            <translation>⟦ţĥé đéšķţöþ àþþ çàññöţ šţàŕţ: {error} ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>fieldwork: unexpected error ({name}); nothing was changed by this failure that was not already saved. Run with -v for details.</source>
            <translation>⟦ƒîéļđŵöŕķ: ûñéẋþéçţéđ éŕŕöŕ ({name}); ñöţĥîñĝ ŵàš çĥàñĝéđ ƀý ţĥîš ƒàîļûŕé ţĥàţ ŵàš ñöţ àļŕéàđý šàṽéđ. Ŕûñ ŵîţĥ -ṽ ƒöŕ đéţàîļš. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>: import it with --study-key study.pub (the data manager makes one with 'fieldwork study keygen')</source>
            <translation>⟦: îɱþöŕţ îţ ŵîţĥ --šţûđý-ķéý šţûđý.þûƀ (ţĥé đàţà ɱàñàĝéŕ ɱàķéš öñé ŵîţĥ 'ƒîéļđŵöŕķ šţûđý ķéýĝéñ') ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>: add one with 'fieldwork store add NAME URL'</source>
            <translation>⟦: àđđ öñé ŵîţĥ 'ƒîéļđŵöŕķ šţöŕé àđđ ÑÀṀÉ ÛŔĻ' ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source> (see 'fieldwork store list')</source>
            <translation>⟦ (šéé 'ƒîéļđŵöŕķ šţöŕé ļîšţ') ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>; sync to the research store (fieldwork sync --store NAME, or make it the default)</source>
            <translation>⟦; šýñç ţö ţĥé ŕéšéàŕçĥ šţöŕé (ƒîéļđŵöŕķ šýñç --šţöŕé ÑÀṀÉ, öŕ ɱàķé îţ ţĥé đéƒàûļţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>: add it with 'fieldwork store add {name} URL' (research data is sent as usual)</source>
            <translation>⟦: àđđ îţ ŵîţĥ 'ƒîéļđŵöŕķ šţöŕé àđđ {name} ÛŔĻ' (ŕéšéàŕçĥ đàţà îš šéñţ àš ûšûàļ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source> and give it at the prompt or with --secret-env VAR (it is then kept encrypted in the vault)</source>
            <translation>⟦ àñđ ĝîṽé îţ àţ ţĥé þŕöɱþţ öŕ ŵîţĥ --šéçŕéţ-éñṽ ṼÀŔ (îţ îš ţĥéñ ķéþţ éñçŕýþţéđ îñ ţĥé ṽàûļţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>; if the university uses its own certificate authority, give its certificate file (--ca-bundle FILE), else tell the data manager (someone may be between this machine and the store)</source>
            <translation>⟦; îƒ ţĥé ûñîṽéŕšîţý ûšéš îţš öŵñ çéŕţîƒîçàţé àûţĥöŕîţý, ĝîṽé îţš çéŕţîƒîçàţé ƒîļé (--çà-ƀûñđļé ƑÎĻÉ), éļšé ţéļļ ţĥé đàţà ɱàñàĝéŕ (šöɱéöñé ɱàý ƀé ƀéţŵééñ ţĥîš ɱàçĥîñé àñđ ţĥé šţöŕé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>: run 'fieldwork pack import --example' or 'fieldwork pack import PATH'</source>
            <translation>⟦: ŕûñ 'ƒîéļđŵöŕķ þàçķ îɱþöŕţ --éẋàɱþļé' öŕ 'ƒîéļđŵöŕķ þàçķ îɱþöŕţ ÞÀŢĤ' ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>: give a pack path or --example</source>
            <translation>⟦: ĝîṽé à þàçķ þàţĥ öŕ --éẋàɱþļé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source> Check with the data manager, then import again with --accept-older-pack if they really want this one. Nothing was imported.</source>
            <translation>⟦ Çĥéçķ ŵîţĥ ţĥé đàţà ɱàñàĝéŕ, ţĥéñ îɱþöŕţ àĝàîñ ŵîţĥ --àççéþţ-öļđéŕ-þàçķ îƒ ţĥéý ŕéàļļý ŵàñţ ţĥîš öñé. Ñöţĥîñĝ ŵàš îɱþöŕţéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source> If the data manager has really changed their signing key, check the new fingerprint with them and import again with --accept-pack-signer {new}.</source>
            <translation>⟦ Îƒ ţĥé đàţà ɱàñàĝéŕ ĥàš ŕéàļļý çĥàñĝéđ ţĥéîŕ šîĝñîñĝ ķéý, çĥéçķ ţĥé ñéŵ ƒîñĝéŕþŕîñţ ŵîţĥ ţĥéɱ àñđ îɱþöŕţ àĝàîñ ŵîţĥ --àççéþţ-þàçķ-šîĝñéŕ {new}. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>: check the new fingerprint with the data manager (by phone or in person), then import again with {confirm}. Nothing was imported.</source>
            <translation>⟦: çĥéçķ ţĥé ñéŵ ƒîñĝéŕþŕîñţ ŵîţĥ ţĥé đàţà ɱàñàĝéŕ (ƀý þĥöñé öŕ îñ þéŕšöñ), ţĥéñ îɱþöŕţ àĝàîñ ŵîţĥ {confirm}. Ñöţĥîñĝ ŵàš îɱþöŕţéđ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>: run 'fieldwork init'</source>
            <translation>⟦: ŕûñ 'ƒîéļđŵöŕķ îñîţ' ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>. Restore the data directory from a backup with 'fieldwork vault restore FILE' (the damaged files are kept aside), or ask your data manager</source>
            <translation>⟦. Ŕéšţöŕé ţĥé đàţà đîŕéçţöŕý ƒŕöɱ à ƀàçķûþ ŵîţĥ 'ƒîéļđŵöŕķ ṽàûļţ ŕéšţöŕé ƑÎĻÉ' (ţĥé đàɱàĝéđ ƒîļéš àŕé ķéþţ àšîđé), öŕ àšķ ýöûŕ đàţà ɱàñàĝéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>: run 'fieldwork recover' first</source>
            <translation>⟦: ŕûñ 'ƒîéļđŵöŕķ ŕéçöṽéŕ' ƒîŕšţ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>: confirm that their data on this laptop is to be deleted and never sent (--delete-unsent)</source>
            <translation>⟦: çöñƒîŕɱ ţĥàţ ţĥéîŕ đàţà öñ ţĥîš ļàþţöþ îš ţö ƀé đéļéţéđ àñđ ñéṽéŕ šéñţ (--đéļéţé-ûñšéñţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source> (eight groups of four hex digits, as 'fieldwork device' prints it)</source>
            <translation>⟦ (éîĝĥţ ĝŕöûþš öƒ ƒöûŕ ĥéẋ đîĝîţš, àš 'ƒîéļđŵöŕķ đéṽîçé' þŕîñţš îţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source> (it is made by 'fieldwork study keygen' or the first 'fieldwork study devices add'). If it is lost, make a new pair, move the list away and trust the laptops again (laptops that pinned the old key for study packs must be told the new one)</source>
            <translation>⟦ (îţ îš ɱàđé ƀý 'ƒîéļđŵöŕķ šţûđý ķéýĝéñ' öŕ ţĥé ƒîŕšţ 'ƒîéļđŵöŕķ šţûđý đéṽîçéš àđđ'). Îƒ îţ îš ļöšţ, ɱàķé à ñéŵ þàîŕ, ɱöṽé ţĥé ļîšţ àŵàý àñđ ţŕûšţ ţĥé ļàþţöþš àĝàîñ (ļàþţöþš ţĥàţ þîññéđ ţĥé öļđ ķéý ƒöŕ šţûđý þàçķš ɱûšţ ƀé ţöļđ ţĥé ñéŵ öñé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>; move it away and trust the laptops again with 'fieldwork study devices add'</source>
            <translation>⟦; ɱöṽé îţ àŵàý àñđ ţŕûšţ ţĥé ļàþţöþš àĝàîñ ŵîţĥ 'ƒîéļđŵöŕķ šţûđý đéṽîçéš àđđ' ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>; is this a {what} file (from 'fieldwork study keygen')?</source>
            <translation>⟦; îš ţĥîš à {what} ƒîļé (ƒŕöɱ 'ƒîéļđŵöŕķ šţûđý ķéýĝéñ')? ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>: run 'fieldwork store unpack' first</source>
            <translation>⟦: ŕûñ 'ƒîéļđŵöŕķ šţöŕé ûñþàçķ' ƒîŕšţ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>; mark it done with 'fieldwork participant task-done {participant} {task}' once it is (--date YYYY-MM-DD if that was on an earlier day)</source>
            <translation>⟦; ɱàŕķ îţ đöñé ŵîţĥ 'ƒîéļđŵöŕķ þàŕţîçîþàñţ ţàšķ-đöñé {participant} {task}' öñçé îţ îš (--đàţé ÝÝÝÝ-ṀṀ-ĐĐ îƒ ţĥàţ ŵàš öñ àñ éàŕļîéŕ đàý) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source> (--interpreter-agreement at the command line)</source>
            <translation>⟦ (--îñţéŕþŕéţéŕ-àĝŕééɱéñţ àţ ţĥé çöɱɱàñđ ļîñé) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source> with --linked-to ID ('fieldwork participant list' shows the ids)</source>
            <translation>⟦ ŵîţĥ --ļîñķéđ-ţö ÎĐ ('ƒîéļđŵöŕķ þàŕţîçîþàñţ ļîšţ' šĥöŵš ţĥé îđš) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>: give each with {attr_options}</source>
            <translation>⟦: ĝîṽé éàçĥ ŵîţĥ {attr_options} ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source> ({days} day(s) before). If it was done on an earlier day, record that day with 'fieldwork participant task-done {participant} {task} --date YYYY-MM-DD'; otherwise the session waits until the notice has been given</source>
            <translation>⟦ ({days} đàý(š) ƀéƒöŕé). Îƒ îţ ŵàš đöñé öñ àñ éàŕļîéŕ đàý, ŕéçöŕđ ţĥàţ đàý ŵîţĥ 'ƒîéļđŵöŕķ þàŕţîçîþàñţ ţàšķ-đöñé {participant} {task} --đàţé ÝÝÝÝ-ṀṀ-ĐĐ'; öţĥéŕŵîšé ţĥé šéššîöñ ŵàîţš ûñţîļ ţĥé ñöţîçé ĥàš ƀééñ ĝîṽéñ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>: give session {session} its planned date and time (Prepare page in the app), or plan the session with one ('fieldwork session new ... --start YYYY-MM-DDTHH:MM')</source>
            <translation>⟦: ĝîṽé šéššîöñ {session} îţš þļàññéđ đàţé àñđ ţîɱé (Þŕéþàŕé þàĝé îñ ţĥé àþþ), öŕ þļàñ ţĥé šéššîöñ ŵîţĥ öñé ('ƒîéļđŵöŕķ šéššîöñ ñéŵ ... --šţàŕţ ÝÝÝÝ-ṀṀ-ĐĐŢĤĤ:ṀṀ') ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source> ('fieldwork session capacity {session} --participant {participant}')</source>
            <translation>⟦ ('ƒîéļđŵöŕķ šéššîöñ çàþàçîţý {session} --þàŕţîçîþàñţ {participant}') ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source> (Participants page, or 'fieldwork participant screen {participant} --answers FILE')</source>
            <translation>⟦ (Þàŕţîçîþàñţš þàĝé, öŕ 'ƒîéļđŵöŕķ þàŕţîçîþàñţ šçŕééñ {participant} --àñšŵéŕš ƑÎĻÉ') ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source> ('fieldwork log show' has the details)</source>
            <translation>⟦ ('ƒîéļđŵöŕķ ļöĝ šĥöŵ' ĥàš ţĥé đéţàîļš) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>--tag: 1-40 letters, digits, spaces, '-' or '_'</source>
            <translation>⟦--ţàĝ: 1-40 ļéţţéŕš, đîĝîţš, šþàçéš, '-' öŕ '_' ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>--threads: at least 1</source>
            <translation>⟦--ţĥŕéàđš: àţ ļéàšţ 1 ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>--name is 1-80 printable characters</source>
            <translation>⟦--ñàɱé îš 1-80 þŕîñţàƀļé çĥàŕàçţéŕš ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>--after-seq is 0 or more</source>
            <translation>⟦--àƒţéŕ-šéǫ îš 0 öŕ ɱöŕé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>--language {language}: this model knows {known}</source>
            <translation>⟦--ļàñĝûàĝé {language}: ţĥîš ɱöđéļ ķñöŵš {known} ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{source}: expected the JSON object 'fieldwork consent template' prints</source>
            <translation>⟦{source}: éẋþéçţéđ ţĥé ĴŠÖÑ öƀĵéçţ 'ƒîéļđŵöŕķ çöñšéñţ ţéɱþļàţé' þŕîñţš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source}: names no consent form and version (it needs "form", "version" and "answers"), so it cannot be checked against {form} version {version}: make it with 'fieldwork consent template --session {session} --participant {participant}'. Nothing was recorded</source>
            <translation>⟦{source}: ñàɱéš ñö çöñšéñţ ƒöŕɱ àñđ ṽéŕšîöñ (îţ ñééđš "ƒöŕɱ", "ṽéŕšîöñ" àñđ "àñšŵéŕš"), šö îţ çàññöţ ƀé çĥéçķéđ àĝàîñšţ {form} ṽéŕšîöñ {version}: ɱàķé îţ ŵîţĥ 'ƒîéļđŵöŕķ çöñšéñţ ţéɱþļàţé --šéššîöñ {session} --þàŕţîçîþàñţ {participant}'. Ñöţĥîñĝ ŵàš ŕéçöŕđéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>--out {folder} is a file, not a folder</source>
            <translation>⟦--öûţ {folder} îš à ƒîļé, ñöţ à ƒöļđéŕ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{folder} is inside {parent}, a folder 'fieldwork store unpack' made: use a folder of its own</source>
            <translation>⟦{folder} îš îñšîđé {parent}, à ƒöļđéŕ 'ƒîéļđŵöŕķ šţöŕé ûñþàçķ' ɱàđé: ûšé à ƒöļđéŕ öƒ îţš öŵñ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{folder} is not empty ({found}) and was not made by 'fieldwork store unpack': nothing is written there; give an empty or new folder</source>
            <translation>⟦{folder} îš ñöţ éɱþţý ({found}) àñđ ŵàš ñöţ ɱàđé ƀý 'ƒîéļđŵöŕķ šţöŕé ûñþàçķ': ñöţĥîñĝ îš ŵŕîţţéñ ţĥéŕé; ĝîṽé àñ éɱþţý öŕ ñéŵ ƒöļđéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{folder} holds identity data: research data is never unpacked into it (use a separate --out folder)</source>
            <translation>⟦{folder} ĥöļđš îđéñţîţý đàţà: ŕéšéàŕçĥ đàţà îš ñéṽéŕ ûñþàçķéđ îñţö îţ (ûšé à šéþàŕàţé --öûţ ƒöļđéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{folder} holds research data: identity data is never unpacked into it (use a separate --identity-out folder)</source>
            <translation>⟦{folder} ĥöļđš ŕéšéàŕçĥ đàţà: îđéñţîţý đàţà îš ñéṽéŕ ûñþàçķéđ îñţö îţ (ûšé à šéþàŕàţé --îđéñţîţý-öûţ ƒöļđéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{folder} holds verified data: a first look with --accept-any-device goes into a new folder</source>
            <translation>⟦{folder} ĥöļđš ṽéŕîƒîéđ đàţà: à ƒîŕšţ ļööķ ŵîţĥ --àççéþţ-àñý-đéṽîçé ĝöéš îñţö à ñéŵ ƒöļđéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{folder} was unpacked with --accept-any-device (unverified): unpack with the trusted list into a new folder</source>
            <translation>⟦{folder} ŵàš ûñþàçķéđ ŵîţĥ --àççéþţ-àñý-đéṽîçé (ûñṽéŕîƒîéđ): ûñþàçķ ŵîţĥ ţĥé ţŕûšţéđ ļîšţ îñţö à ñéŵ ƒöļđéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>consent not recorded: the study's protocol asks for {party} at {participant}'s consent{why}; record who it was (--{role} alone to be asked for the name, or the name in --names FILE)</source>
            <translation>⟦çöñšéñţ ñöţ ŕéçöŕđéđ: ţĥé šţûđý'š þŕöţöçöļ àšķš ƒöŕ {party} àţ {participant}'š çöñšéñţ{why}; ŕéçöŕđ ŵĥö îţ ŵàš (--{role} àļöñé ţö ƀé àšķéđ ƒöŕ ţĥé ñàɱé, öŕ ţĥé ñàɱé îñ --ñàɱéš ƑÎĻÉ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>consent not recorded: {refusal} (statement ids as 'fieldwork consent template' lists them)</source>
            <translation>⟦çöñšéñţ ñöţ ŕéçöŕđéđ: {refusal} (šţàţéɱéñţ îđš àš 'ƒîéļđŵöŕķ çöñšéñţ ţéɱþļàţé' ļîšţš ţĥéɱ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>consent not recorded: {party} completes '{form}' with {participant}'s consent; confirm it is completed (--{role}-form)</source>
            <translation>⟦çöñšéñţ ñöţ ŕéçöŕđéđ: {party} çöɱþļéţéš '{form}' ŵîţĥ {participant}'š çöñšéñţ; çöñƒîŕɱ îţ îš çöɱþļéţéđ (--{role}-ƒöŕɱ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>consent not recorded: the capacity assessment at this session found {participant} cannot decide now, so the study's protocol asks a consultee for their advice{paper}; record who they are (--consultee alone to be asked for the name, or the name in --names FILE), their relationship to the participant (--consultee-relationship), whether they are a personal or nominated consultee (--consultee-kind) and their advice (--consultee-advice)</source>
            <translation>⟦çöñšéñţ ñöţ ŕéçöŕđéđ: ţĥé çàþàçîţý àššéššɱéñţ àţ ţĥîš šéššîöñ ƒöûñđ {participant} çàññöţ đéçîđé ñöŵ, šö ţĥé šţûđý'š þŕöţöçöļ àšķš à çöñšûļţéé ƒöŕ ţĥéîŕ àđṽîçé{paper}; ŕéçöŕđ ŵĥö ţĥéý àŕé (--çöñšûļţéé àļöñé ţö ƀé àšķéđ ƒöŕ ţĥé ñàɱé, öŕ ţĥé ñàɱé îñ --ñàɱéš ƑÎĻÉ), ţĥéîŕ ŕéļàţîöñšĥîþ ţö ţĥé þàŕţîçîþàñţ (--çöñšûļţéé-ŕéļàţîöñšĥîþ), ŵĥéţĥéŕ ţĥéý àŕé à þéŕšöñàļ öŕ ñöɱîñàţéđ çöñšûļţéé (--çöñšûļţéé-ķîñđ) àñđ ţĥéîŕ àđṽîçé (--çöñšûļţéé-àđṽîçé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>consent not recorded: the consultee advises that {participant} would not want to take part, so {participant} does not take part; nothing is recorded but the refusal ('fieldwork audit list')</source>
            <translation>⟦çöñšéñţ ñöţ ŕéçöŕđéđ: ţĥé çöñšûļţéé àđṽîšéš ţĥàţ {participant} ŵöûļđ ñöţ ŵàñţ ţö ţàķé þàŕţ, šö {participant} đöéš ñöţ ţàķé þàŕţ; ñöţĥîñĝ îš ŕéçöŕđéđ ƀûţ ţĥé ŕéƒûšàļ ('ƒîéļđŵöŕķ àûđîţ ļîšţ') ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source}: answers.{statement}: statement {statement} does not apply to this participant (it applies only where {why}); it is not asked, so leave it null or "not_applicable" ('fieldwork consent template' lists it under "not_applicable"). Nothing was recorded</source>
            <translation>⟦{source}: àñšŵéŕš.{statement}: šţàţéɱéñţ {statement} đöéš ñöţ àþþļý ţö ţĥîš þàŕţîçîþàñţ (îţ àþþļîéš öñļý ŵĥéŕé {why}); îţ îš ñöţ àšķéđ, šö ļéàṽé îţ ñûļļ öŕ "ñöţ_àþþļîçàƀļé" ('ƒîéļđŵöŕķ çöñšéñţ ţéɱþļàţé' ļîšţš îţ ûñđéŕ "ñöţ_àþþļîçàƀļé"). Ñöţĥîñĝ ŵàš ŕéçöŕđéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source}: answers.{statement}: statement {statement} applies to this participant: answer true or false (or null if it is optional and was not answered), as 'fieldwork consent template' lists it under "answers". Nothing was recorded</source>
            <translation>⟦{source}: àñšŵéŕš.{statement}: šţàţéɱéñţ {statement} àþþļîéš ţö ţĥîš þàŕţîçîþàñţ: àñšŵéŕ ţŕûé öŕ ƒàļšé (öŕ ñûļļ îƒ îţ îš öþţîöñàļ àñđ ŵàš ñöţ àñšŵéŕéđ), àš 'ƒîéļđŵöŕķ çöñšéñţ ţéɱþļàţé' ļîšţš îţ ûñđéŕ "àñšŵéŕš". Ñöţĥîñĝ ŵàš ŕéçöŕđéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source}: unknown statement id(s) for form {form} v{version}: {statements} ('fieldwork consent template' lists the form's own). Nothing was recorded</source>
            <translation>⟦{source}: ûñķñöŵñ šţàţéɱéñţ îđ(š) ƒöŕ ƒöŕɱ {form} ṽ{version}: {statements} ('ƒîéļđŵöŕķ çöñšéñţ ţéɱþļàţé' ļîšţš ţĥé ƒöŕɱ'š öŵñ). Ñöţĥîñĝ ŵàš ŕéçöŕđéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source}: answers.{statement}: the answer must be true, false or null, not {given} (as 'fieldwork consent template' explains). Nothing was recorded</source>
            <translation>⟦{source}: àñšŵéŕš.{statement}: ţĥé àñšŵéŕ ɱûšţ ƀé ţŕûé, ƒàļšé öŕ ñûļļ, ñöţ {given} (àš 'ƒîéļđŵöŕķ çöñšéñţ ţéɱþļàţé' éẋþļàîñš). Ñöţĥîñĝ ŵàš ŕéçöŕđéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{source} was made for {what} {given}, not {expected} (the {what} of {participant} in session {session}): answers are never carried from one form to another. Make a new file with 'fieldwork consent template'. Nothing was recorded</source>
            <translation>⟦{source} ŵàš ɱàđé ƒöŕ {what} {given}, ñöţ {expected} (ţĥé {what} öƒ {participant} îñ šéššîöñ {session}): àñšŵéŕš àŕé ñéṽéŕ çàŕŕîéđ ƒŕöɱ öñé ƒöŕɱ ţö àñöţĥéŕ. Ṁàķé à ñéŵ ƒîļé ŵîţĥ 'ƒîéļđŵöŕķ çöñšéñţ ţéɱþļàţé'. Ñöţĥîñĝ ŵàš ŕéçöŕđéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>data manager signing key</source>
            <translation>⟦đàţà ɱàñàĝéŕ šîĝñîñĝ ķéý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>data manager public key</source>
            <translation>⟦đàţà ɱàñàĝéŕ þûƀļîç ķéý ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>NOT CHECKED (--accept-any-device)</source>
            <translation>⟦ÑÖŢ ÇĤÉÇĶÉĐ (--àççéþţ-àñý-đéṽîçé) ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source> (compare with 'fieldwork device' on that laptop)</source>
            <translation>⟦ (çöɱþàŕé ŵîţĥ 'ƒîéļđŵöŕķ đéṽîçé' öñ ţĥàţ ļàþţöþ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>NOTE: --accept-any-device: signers were NOT checked against a trusted list, and anyone who can write to the store can sign a bundle; compare the fingerprints above with the laptops' ('fieldwork device') and trust them with 'fieldwork study devices add'</source>
            <translation>⟦ÑÖŢÉ: --àççéþţ-àñý-đéṽîçé: šîĝñéŕš ŵéŕé ÑÖŢ çĥéçķéđ àĝàîñšţ à ţŕûšţéđ ļîšţ, àñđ àñýöñé ŵĥö çàñ ŵŕîţé ţö ţĥé šţöŕé çàñ šîĝñ à ƀûñđļé; çöɱþàŕé ţĥé ƒîñĝéŕþŕîñţš àƀöṽé ŵîţĥ ţĥé ļàþţöþš' ('ƒîéļđŵöŕķ đéṽîçé') àñđ ţŕûšţ ţĥéɱ ŵîţĥ 'ƒîéļđŵöŕķ šţûđý đéṽîçéš àđđ' ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>NOTE: --accept-any-device: everything unpacked is marked UNVERIFIED in the index</source>
            <translation>⟦ÑÖŢÉ: --àççéþţ-àñý-đéṽîçé: éṽéŕýţĥîñĝ ûñþàçķéđ îš ɱàŕķéđ ÛÑṼÉŔÎƑÎÉĐ îñ ţĥé îñđéẋ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source> (see 'fieldwork outbox' on that laptop)</source>
            <translation>⟦ (šéé 'ƒîéļđŵöŕķ öûţƀöẋ' öñ ţĥàţ ļàþţöþ) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>, with --identity-out</source>
            <translation>⟦, ŵîţĥ --îđéñţîţý-öûţ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source> (unpack the research store with --out)</source>
            <translation>⟦ (ûñþàçķ ţĥé ŕéšéàŕçĥ šţöŕé ŵîţĥ --öûţ) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the participant</source>
            <translation>⟦ţĥé þàŕţîçîþàñţ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>an action taken (its id in the protocol)</source>
            <translation>⟦àñ àçţîöñ ţàķéñ (îţš îđ îñ ţĥé þŕöţöçöļ) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>support entries given (their ids in the pack)</source>
            <translation>⟦šûþþöŕţ éñţŕîéš ĝîṽéñ (ţĥéîŕ îđš îñ ţĥé þàçķ) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>a follow-up call agreed (with its due date) or not</source>
            <translation>⟦à ƒöļļöŵ-ûþ çàļļ àĝŕééđ (ŵîţĥ îţš đûé đàţé) öŕ ñöţ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the chief investigator was told</source>
            <translation>⟦ţĥé çĥîéƒ îñṽéšţîĝàţöŕ ŵàš ţöļđ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the researcher's debrief took place</source>
            <translation>⟦ţĥé ŕéšéàŕçĥéŕ'š đéƀŕîéƒ ţööķ þļàçé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>  open home visit: {session} checked in at {at}, not checked out ({phase})</source>
            <translation>⟦  öþéñ ĥöɱé ṽîšîţ: {session} çĥéçķéđ îñ àţ {at}, ñöţ çĥéçķéđ öûţ ({phase}) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>name</source>
            <translation>⟦ñàɱé ŵî⟧</translation>
        </message>
        <message>
            <source>preferred name</source>
            <translation>⟦þŕéƒéŕŕéđ ñàɱé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>phone</source>
            <translation>⟦þĥöñé ŵî⟧</translation>
        </message>
        <message>
            <source>email</source>
            <translation>⟦éɱàîļ ŵî⟧</translation>
        </message>
        <message>
            <source>address</source>
            <translation>⟦àđđŕéšš ŵîð⟧</translation>
        </message>
        <message>
            <source>postcode</source>
            <translation>⟦þöšţçöđé ŵîð⟧</translation>
        </message>
        <message>
            <source>notes</source>
            <translation>⟦ñöţéš ŵî⟧</translation>
        </message>
        <message>
            <source>say why you need them (--reason TEXT); the reason is written to the audit log</source>
            <translation>⟦šàý ŵĥý ýöû ñééđ ţĥéɱ (--ŕéàšöñ ŢÉẊŢ); ţĥé ŕéàšöñ îš ŵŕîţţéñ ţö ţĥé àûđîţ ļöĝ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the audio position, in seconds from the take's start</source>
            <translation>⟦ţĥé àûđîö þöšîţîöñ, îñ šéçöñđš ƒŕöɱ ţĥé ţàķé'š šţàŕţ ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>set or change the session's date and planned length</source>
            <translation>⟦šéţ öŕ çĥàñĝé ţĥé šéššîöñ'š đàţé àñđ þļàññéđ ļéñĝţĥ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>planned length in minutes (else the one planned stays)</source>
            <translation>⟦þļàññéđ ļéñĝţĥ îñ ɱîñûţéš (éļšé ţĥé öñé þļàññéđ šţàýš) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the kit check's battery line: charged or not</source>
            <translation>⟦ţĥé ķîţ çĥéçķ'š ƀàţţéŕý ļîñé: çĥàŕĝéđ öŕ ñöţ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the battery is charged (or not)</source>
            <translation>⟦ţĥé ƀàţţéŕý îš çĥàŕĝéđ (öŕ ñöţ) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>a participant's identity details (kept in the identity store)</source>
            <translation>⟦à þàŕţîçîþàñţ'š îđéñţîţý đéţàîļš (ķéþţ îñ ţĥé îđéñţîţý šţöŕé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>set the identity details (they replace those kept)</source>
            <translation>⟦šéţ ţĥé îđéñţîţý đéţàîļš (ţĥéý ŕéþļàçé ţĥöšé ķéþţ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>print the identity details; asks why (the view is audited)</source>
            <translation>⟦þŕîñţ ţĥé îđéñţîţý đéţàîļš; àšķš ŵĥý (ţĥé ṽîéŵ îš àûđîţéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>why you need them (else asked for); written to the audit log</source>
            <translation>⟦ŵĥý ýöû ñééđ ţĥéɱ (éļšé àšķéđ ƒöŕ); ŵŕîţţéñ ţö ţĥé àûđîţ ļöĝ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>a visit's lone working: plan, check-in, check-out, home safe</source>
            <translation>⟦à ṽîšîţ'š ļöñé ŵöŕķîñĝ: þļàñ, çĥéçķ-îñ, çĥéçķ-öûţ, ĥöɱé šàƒé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>save the lone-working plan (it replaces the saved one) and seal the visit address</source>
            <translation>⟦šàṽé ţĥé ļöñé-ŵöŕķîñĝ þļàñ (îţ ŕéþļàçéš ţĥé šàṽéđ öñé) àñđ šéàļ ţĥé ṽîšîţ àđđŕéšš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the visit address (- reads standard input); sealed in the identity store</source>
            <translation>⟦ţĥé ṽîšîţ àđđŕéšš (- ŕéàđš šţàñđàŕđ îñþûţ); šéàļéđ îñ ţĥé îđéñţîţý šţöŕé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>type the visit address at a prompt</source>
            <translation>⟦ţýþé ţĥé ṽîšîţ àđđŕéšš àţ à þŕöɱþţ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>where the visit stands now and what the buddy does</source>
            <translation>⟦ŵĥéŕé ţĥé ṽîšîţ šţàñđš ñöŵ àñđ ŵĥàţ ţĥé ƀûđđý đöéš ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>check in with your buddy on arrival</source>
            <translation>⟦çĥéçķ îñ ŵîţĥ ýöûŕ ƀûđđý öñ àŕŕîṽàļ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>check out with your buddy on leaving</source>
            <translation>⟦çĥéçķ öûţ ŵîţĥ ýöûŕ ƀûđđý öñ ļéàṽîñĝ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>confirm you are home safe (after the check-out)</source>
            <translation>⟦çöñƒîŕɱ ýöû àŕé ĥöɱé šàƒé (àƒţéŕ ţĥé çĥéçķ-öûţ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>record that the code word was used</source>
            <translation>⟦ŕéçöŕđ ţĥàţ ţĥé çöđé ŵöŕđ ŵàš ûšéđ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>print the sealed visit address; asks why (the view is audited)</source>
            <translation>⟦þŕîñţ ţĥé šéàļéđ ṽîšîţ àđđŕéšš; àšķš ŵĥý (ţĥé ṽîéŵ îš àûđîţéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>why you need it (else asked for); written to the audit log</source>
            <translation>⟦ŵĥý ýöû ñééđ îţ (éļšé àšķéđ ƒöŕ); ŵŕîţţéñ ţö ţĥé àûđîţ ļöĝ ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the distress protocol: an event, step by step</source>
            <translation>⟦ţĥé đîšţŕéšš þŕöţöçöļ: àñ éṽéñţ, šţéþ ƀý šţéþ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>open a distress event for a session (or find the open one); prints its id</source>
            <translation>⟦öþéñ à đîšţŕéšš éṽéñţ ƒöŕ à šéššîöñ (öŕ ƒîñđ ţĥé öþéñ öñé); þŕîñţš îţš îđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the recording was paused as the event opened</source>
            <translation>⟦ţĥé ŕéçöŕđîñĝ ŵàš þàûšéđ àš ţĥé éṽéñţ öþéñéđ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>take back an action recorded as done</source>
            <translation>⟦ţàķé ƀàçķ àñ àçţîöñ ŕéçöŕđéđ àš đöñé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>take back entries recorded as given</source>
            <translation>⟦ţàķé ƀàçķ éñţŕîéš ŕéçöŕđéđ àš ĝîṽéñ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>when the call is due, YYYY-MM-DD or YYYY-MM-DDTHH:MM</source>
            <translation>⟦ŵĥéñ ţĥé çàļļ îš đûé, ÝÝÝÝ-ṀṀ-ĐĐ öŕ ÝÝÝÝ-ṀṀ-ĐĐŢĤĤ:ṀṀ ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>no follow-up call was agreed</source>
            <translation>⟦ñö ƒöļļöŵ-ûþ çàļļ ŵàš àĝŕééđ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>when, YYYY-MM-DDTHH:MM (default now)</source>
            <translation>⟦ŵĥéñ, ÝÝÝÝ-ṀṀ-ĐĐŢĤĤ:ṀṀ (đéƒàûļţ ñöŵ) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>whom the distress concerns, on a joint interview or a group</source>
            <translation>⟦ŵĥöɱ ţĥé đîšţŕéšš çöñçéŕñš, öñ à ĵöîñţ îñţéŕṽîéŵ öŕ à ĝŕöûþ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the agreed follow-up call took place</source>
            <translation>⟦ţĥé àĝŕééđ ƒöļļöŵ-ûþ çàļļ ţööķ þļàçé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>close the event: the interview resumed, or ended early</source>
            <translation>⟦çļöšé ţĥé éṽéñţ: ţĥé îñţéŕṽîéŵ ŕéšûɱéđ, öŕ éñđéđ éàŕļý ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>why the session ended (research data, no names)</source>
            <translation>⟦ŵĥý ţĥé šéššîöñ éñđéđ (ŕéšéàŕçĥ đàţà, ñö ñàɱéš) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>a session's distress events, or one event</source>
            <translation>⟦à šéššîöñ'š đîšţŕéšš éṽéñţš, öŕ öñé éṽéñţ ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>a session id or an event id</source>
            <translation>⟦à šéššîöñ îđ öŕ àñ éṽéñţ îđ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the participant the distress concerns (a joint interview or a group)</source>
            <translation>⟦ţĥé þàŕţîçîþàñţ ţĥé đîšţŕéšš çöñçéŕñš (à ĵöîñţ îñţéŕṽîéŵ öŕ à ĝŕöûþ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the distress concerns the session as a whole, no one participant</source>
            <translation>⟦ţĥé đîšţŕéšš çöñçéŕñš ţĥé šéššîöñ àš à ŵĥöļé, ñö öñé þàŕţîçîþàñţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the safeguarding record (kept in the identity store)</source>
            <translation>⟦ţĥé šàƒéĝûàŕđîñĝ ŕéçöŕđ (ķéþţ îñ ţĥé îđéñţîţý šţöŕé) ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>save a safeguarding record from a file (new, or --concern to add to one)</source>
            <translation>⟦šàṽé à šàƒéĝûàŕđîñĝ ŕéçöŕđ ƒŕöɱ à ƒîļé (ñéŵ, öŕ --çöñçéŕñ ţö àđđ ţö öñé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>whom the record is about; with --concern, corrects it until the record is complete</source>
            <translation>⟦ŵĥöɱ ţĥé ŕéçöŕđ îš àƀöûţ; ŵîţĥ --çöñçéŕñ, çöŕŕéçţš îţ ûñţîļ ţĥé ŕéçöŕđ îš çöɱþļéţé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>a JSON object of the record's fields and a 'sharing' list (- reads standard input)</source>
            <translation>⟦à ĴŠÖÑ öƀĵéçţ öƒ ţĥé ŕéçöŕđ'š ƒîéļđš àñđ à 'šĥàŕîñĝ' ļîšţ (- ŕéàđš šţàñđàŕđ îñþûţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>add to this record instead of starting one</source>
            <translation>⟦àđđ ţö ţĥîš ŕéçöŕđ îñšţéàđ öƒ šţàŕţîñĝ öñé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>complete the record once it holds what it needs</source>
            <translation>⟦çöɱþļéţé ţĥé ŕéçöŕđ öñçé îţ ĥöļđš ŵĥàţ îţ ñééđš ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>records not yet complete: ids and status only</source>
            <translation>⟦ŕéçöŕđš ñöţ ýéţ çöɱþļéţé: îđš àñđ šţàţûš öñļý ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>print a record; asks why (the view is audited)</source>
            <translation>⟦þŕîñţ à ŕéçöŕđ; àšķš ŵĥý (ţĥé ṽîéŵ îš àûđîţéđ) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>add a time-stamped note (its text from a file, standard input or a prompt)</source>
            <translation>⟦àđđ à ţîɱé-šţàɱþéđ ñöţé (îţš ţéẋţ ƒŕöɱ à ƒîļé, šţàñđàŕđ îñþûţ öŕ à þŕöɱþţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the note's text (- reads standard input); else asked for</source>
            <translation>⟦ţĥé ñöţé'š ţéẋţ (- ŕéàđš šţàñđàŕđ îñþûţ); éļšé àšķéđ ƒöŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the speaker label (as in the transcript)</source>
            <translation>⟦ţĥé šþéàķéŕ ļàƀéļ (àš îñ ţĥé ţŕàñšçŕîþţ) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the take the position belongs to</source>
            <translation>⟦ţĥé ţàķé ţĥé þöšîţîöñ ƀéļöñĝš ţö ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the session's notes</source>
            <translation>⟦ţĥé šéššîöñ'š ñöţéš ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>set a marker on the session's timeline; prints its number</source>
            <translation>⟦šéţ à ɱàŕķéŕ öñ ţĥé šéššîöñ'š ţîɱéļîñé; þŕîñţš îţš ñûɱƀéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>a short label (no names)</source>
            <translation>⟦à šĥöŕţ ļàƀéļ (ñö ñàɱéš) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the session's markers</source>
            <translation>⟦ţĥé šéššîöñ'š ɱàŕķéŕš ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the session's topic guide: coverage, questions, sections</source>
            <translation>⟦ţĥé šéššîöñ'š ţöþîç ĝûîđé: çöṽéŕàĝé, ǫûéšţîöñš, šéçţîöñš ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>each question's state and the time per section</source>
            <translation>⟦éàçĥ ǫûéšţîöñ'š šţàţé àñđ ţĥé ţîɱé þéŕ šéçţîöñ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>mark a question asked, covered anyway, or skipped (with --reason)</source>
            <translation>⟦ɱàŕķ à ǫûéšţîöñ àšķéđ, çöṽéŕéđ àñýŵàý, öŕ šķîþþéđ (ŵîţĥ --ŕéàšöñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>why it was skipped</source>
            <translation>⟦ŵĥý îţ ŵàš šķîþþéđ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>the interview moved on to this section</source>
            <translation>⟦ţĥé îñţéŕṽîéŵ ɱöṽéđ öñ ţö ţĥîš šéçţîöñ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>--minutes: a planned length is a number of minutes above 0</source>
            <translation>⟦--ɱîñûţéš: à þļàññéđ ļéñĝţĥ îš à ñûɱƀéŕ öƒ ɱîñûţéš àƀöṽé 0 ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>lone-working plan</source>
            <translation>⟦ļöñé-ŵöŕķîñĝ þļàñ ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>give the address one way: --address-file FILE or --ask-address</source>
            <translation>⟦ĝîṽé ţĥé àđđŕéšš öñé ŵàý: --àđđŕéšš-ƒîļé ƑÎĻÉ öŕ --àšķ-àđđŕéšš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The visit address is sealed in the identity store</source>
            <translation>⟦Ţĥé ṽîšîţ àđđŕéšš îš šéàļéđ îñ ţĥé îđéñţîţý šţöŕé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>not started: check in when you arrive (start {start}, check in by {check_in_by})</source>
            <translation>⟦ñöţ šţàŕţéđ: çĥéçķ îñ ŵĥéñ ýöû àŕŕîṽé (šţàŕţ {start}, çĥéçķ îñ ƀý {check_in_by}) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>check in now (by {check_in_by})</source>
            <translation>⟦çĥéçķ îñ ñöŵ (ƀý {check_in_by}) ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>check-in overdue by {minutes} min: your buddy calls you now</source>
            <translation>⟦çĥéçķ-îñ öṽéŕđûé ƀý {minutes} ɱîñ: ýöûŕ ƀûđđý çàļļš ýöû ñöŵ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>checked in at {checked_in}; check out when you leave (expected end {end})</source>
            <translation>⟦çĥéçķéđ îñ àţ {checked_in}; çĥéçķ öûţ ŵĥéñ ýöû ļéàṽé (éẋþéçţéđ éñđ {end}) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>check out now (expected end {end})</source>
            <translation>⟦çĥéçķ öûţ ñöŵ (éẋþéçţéđ éñđ {end}) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>check-out overdue by {minutes} min</source>
            <translation>⟦çĥéçķ-öûţ öṽéŕđûé ƀý {minutes} ɱîñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>checked out at {checked_out}; confirm home safe by {home_by}</source>
            <translation>⟦çĥéçķéđ öûţ àţ {checked_out}; çöñƒîŕɱ ĥöɱé šàƒé ƀý {home_by} ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>home safe overdue by {minutes} min</source>
            <translation>⟦ĥöɱé šàƒé öṽéŕđûé ƀý {minutes} ɱîñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>home safe at {home_safe}: the visit is closed</source>
            <translation>⟦ĥöɱé šàƒé àţ {home_safe}: ţĥé ṽîšîţ îš çļöšéđ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the code word was used at {code_word}</source>
            <translation>⟦ţĥé çöđé ŵöŕđ ŵàš ûšéđ àţ {code_word} ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>The home visit is still open: you have not yet confirmed that you are home safe (fieldwork visit home-safe {id})</source>
            <translation>⟦Ţĥé ĥöɱé ṽîšîţ îš šţîļļ öþéñ: ýöû ĥàṽé ñöţ ýéţ çöñƒîŕɱéđ ţĥàţ ýöû àŕé ĥöɱé šàƒé (ƒîéļđŵöŕķ ṽîšîţ ĥöɱé-šàƒé {id}) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>  open home visit: {session} checked out at {at}, home safe not confirmed ({phase})</source>
            <translation>⟦  öþéñ ĥöɱé ṽîšîţ: {session} çĥéçķéđ öûţ àţ {at}, ĥöɱé šàƒé ñöţ çöñƒîŕɱéđ ({phase}) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>  open home visit: {session} not checked in ({phase})</source>
            <translation>⟦  öþéñ ĥöɱé ṽîšîţ: {session} ñöţ çĥéçķéđ îñ ({phase}) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>safeguarding record</source>
            <translation>⟦šàƒéĝûàŕđîñĝ ŕéçöŕđ ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>⟦Ñöţé ŵî⟧</translation>
        </message>
        <message>
            <source>the stage of the protocol reached</source>
            <translation>⟦ţĥé šţàĝé öƒ ţĥé þŕöţöçöļ ŕéàçĥéđ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>a sign seen (its id in the protocol)</source>
            <translation>⟦à šîĝñ šééñ (îţš îđ îñ ţĥé þŕöţöçöļ) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the participant's choice</source>
            <translation>⟦ţĥé þàŕţîçîþàñţ'š çĥöîçé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the recording paused or resumed</source>
            <translation>⟦ţĥé ŕéçöŕđîñĝ þàûšéđ öŕ ŕéšûɱéđ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>consent to contact their doctor or other named contact</source>
            <translation>⟦çöñšéñţ ţö çöñţàçţ ţĥéîŕ đöçţöŕ öŕ öţĥéŕ ñàɱéđ çöñţàçţ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>link the safeguarding record this event led to</source>
            <translation>⟦ļîñķ ţĥé šàƒéĝûàŕđîñĝ ŕéçöŕđ ţĥîš éṽéñţ ļéđ ţö ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>print the record file to fill in: every field, empty</source>
            <translation>⟦þŕîñţ ţĥé ŕéçöŕđ ƒîļé ţö ƒîļļ îñ: éṽéŕý ƒîéļđ, éɱþţý ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Session {id} planned for {start}</source>
            <translation>⟦Šéššîöñ {id} þļàññéđ ƒöŕ {start} ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Lone-working plan of {id} saved</source>
            <translation>⟦Ļöñé-ŵöŕķîñĝ þļàñ öƒ {id} šàṽéđ ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>No visit address is sealed yet (--address-file FILE or --ask-address)</source>
            <translation>⟦Ñö ṽîšîţ àđđŕéšš îš šéàļéđ ýéţ (--àđđŕéšš-ƒîļé ƑÎĻÉ öŕ --àšķ-àđđŕéšš) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Visit {id}: {state}</source>
            <translation>⟦Ṽîšîţ {id}: {state} ŵîð⟧</translation>
        </message>
        <message>
            <source>The home visit is still open: you have not checked out with your buddy yet (fieldwork visit check-out {id}, then fieldwork visit home-safe {id})</source>
            <translation>⟦Ţĥé ĥöɱé ṽîšîţ îš šţîļļ öþéñ: ýöû ĥàṽé ñöţ çĥéçķéđ öûţ ŵîţĥ ýöûŕ ƀûđđý ýéţ (ƒîéļđŵöŕķ ṽîšîţ çĥéçķ-öûţ {id}, ţĥéñ ƒîéļđŵöŕķ ṽîšîţ ĥöɱé-šàƒé {id}) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Distress event {id} of {session}: stage {stage}, {state}</source>
            <translation>⟦Đîšţŕéšš éṽéñţ {id} öƒ {session}: šţàĝé {stage}, {state} ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>  concerns: the session as a whole</source>
            <translation>⟦  çöñçéŕñš: ţĥé šéššîöñ àš à ŵĥöļé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Follow-up call of {id} done</source>
            <translation>⟦Ƒöļļöŵ-ûþ çàļļ öƒ {id} đöñé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Distress event {id} closed ({outcome})</source>
            <translation>⟦Đîšţŕéšš éṽéñţ {id} çļöšéđ ({outcome}) ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>category is one of: {categories}</source>
            <translation>⟦çàţéĝöŕý îš öñé öƒ: {categories} ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>identity details</source>
            <translation>⟦îđéñţîţý đéţàîļš ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>no identity details given: use --file FILE (- for standard input), or run in a terminal</source>
            <translation>⟦ñö îđéñţîţý đéţàîļš ĝîṽéñ: ûšé --ƒîļé ƑÎĻÉ (- ƒöŕ šţàñđàŕđ îñþûţ), öŕ ŕûñ îñ à ţéŕɱîñàļ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Identity details of {id} ({person}) saved in the identity store</source>
            <translation>⟦Îđéñţîţý đéţàîļš öƒ {id} ({person}) šàṽéđ îñ ţĥé îđéñţîţý šţöŕé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>note</source>
            <translation>⟦ñöţé ŵî⟧</translation>
        </message>
        <message>
            <source>Note {n} added to {session}</source>
            <translation>⟦Ñöţé {n} àđđéđ ţö {session} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{guide}: {asked} asked, {covered} covered, {skipped} skipped, {open} open</source>
            <translation>⟦{guide}: {asked} àšķéđ, {covered} çöṽéŕéđ, {skipped} šķîþþéđ, {open} öþéñ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{question}: {state}</source>
            <translation>⟦{question}: {state} ŵî⟧</translation>
        </message>
        <message>
            <source>{session}: now in section {section}</source>
            <translation>⟦{session}: ñöŵ îñ šéçţîöñ {section} ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>no {label} given: give it with a file (or - for standard input), or run in a terminal</source>
            <translation>⟦ñö {label} ĝîṽéñ: ĝîṽé îţ ŵîţĥ à ƒîļé (öŕ - ƒöŕ šţàñđàŕđ îñþûţ), öŕ ŕûñ îñ à ţéŕɱîñàļ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Why do you need them? (written to the audit log): </source>
            <translation>⟦Ŵĥý đö ýöû ñééđ ţĥéɱ? (ŵŕîţţéñ ţö ţĥé àûđîţ ļöĝ):  ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>a JSON object of {fields} (- reads standard input); else each is asked for</source>
            <translation>⟦à ĴŠÖÑ öƀĵéçţ öƒ {fields} (- ŕéàđš šţàñđàŕđ îñþûţ); éļšé éàçĥ îš àšķéđ ƒöŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>a JSON object: {fields} (- reads standard input)</source>
            <translation>⟦à ĴŠÖÑ öƀĵéçţ: {fields} (- ŕéàđš šţàñđàŕđ îñþûţ) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>a session's notes</source>
            <translation>⟦à šéššîöñ'š ñöţéš ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>a session's markers</source>
            <translation>⟦à šéššîöñ'š ɱàŕķéŕš ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>Session {id}: battery charged</source>
            <translation>⟦Šéššîöñ {id}: ƀàţţéŕý çĥàŕĝéđ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Session {id}: battery not charged</source>
            <translation>⟦Šéššîöñ {id}: ƀàţţéŕý ñöţ çĥàŕĝéđ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{path}: unknown lone-working plan field(s) {unknown} (known: {known}); nothing was saved</source>
            <translation>⟦{path}: ûñķñöŵñ ļöñé-ŵöŕķîñĝ þļàñ ƒîéļđ(š) {unknown} (ķñöŵñ: {known}); ñöţĥîñĝ ŵàš šàṽéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>a whole number</source>
            <translation>⟦à ŵĥöļé ñûɱƀéŕ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>⟦ţŕûé öŕ ƒàļšé ŵîðé⟧</translation>
        </message>
        <message>
            <source>text</source>
            <translation>⟦ţéẋţ ŵî⟧</translation>
        </message>
        <message>
            <source>  the buddy now: {action}</source>
            <translation>⟦  ţĥé ƀûđđý ñöŵ: {action} ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>open</source>
            <translation>⟦öþéñ ŵî⟧</translation>
        </message>
        <message>
            <source>  concerns: {participant}</source>
            <translation>⟦  çöñçéŕñš: {participant} ŵîðé⟧</translation>
        </message>
        <message>
            <source>  signs: {signs}</source>
            <translation>⟦  šîĝñš: {signs} ŵîðé⟧</translation>
        </message>
        <message>
            <source>  actions: {actions}</source>
            <translation>⟦  àçţîöñš: {actions} ŵîðé⟧</translation>
        </message>
        <message>
            <source>  {person} chose: {choice}</source>
            <translation>⟦  {person} çĥöšé: {choice} ŵîðé⟧</translation>
        </message>
        <message>
            <source>  support given: {entries}</source>
            <translation>⟦  šûþþöŕţ ĝîṽéñ: {entries} ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>  follow-up call due {due}</source>
            <translation>⟦  ƒöļļöŵ-ûþ çàļļ đûé {due} ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>  the protocol still asks to record: {items}</source>
            <translation>⟦  ţĥé þŕöţöçöļ šţîļļ àšķš ţö ŕéçöŕđ: {items} ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>This session has {n} participants ({ids}): say whom the distress concerns with 'fieldwork distress participant {id} --participant ID' (or --whole-session).</source>
            <translation>⟦Ţĥîš šéššîöñ ĥàš {n} þàŕţîçîþàñţš ({ids}): šàý ŵĥöɱ ţĥé đîšţŕéšš çöñçéŕñš ŵîţĥ 'ƒîéļđŵöŕķ đîšţŕéšš þàŕţîçîþàñţ {id} --þàŕţîçîþàñţ ÎĐ' (öŕ --ŵĥöļé-šéššîöñ). ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The protocol also asked to record: {items} (they can still be recorded)</source>
            <translation>⟦Ţĥé þŕöţöçöļ àļšö àšķéđ ţö ŕéçöŕđ: {items} (ţĥéý çàñ šţîļļ ƀé ŕéçöŕđéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Save the session's close-out next: fieldwork session closeout {session}</source>
            <translation>⟦Šàṽé ţĥé šéššîöñ'š çļöšé-öûţ ñéẋţ: ƒîéļđŵöŕķ šéššîöñ çļöšéöûţ {session} ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>No distress event in {id}</source>
            <translation>⟦Ñö đîšţŕéšš éṽéñţ îñ {id} ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{path}: 'sharing' is a list of objects; nothing was saved</source>
            <translation>⟦{path}: 'šĥàŕîñĝ' îš à ļîšţ öƒ öƀĵéçţš; ñöţĥîñĝ ŵàš šàṽéđ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Safeguarding record {id} saved and complete</source>
            <translation>⟦Šàƒéĝûàŕđîñĝ ŕéçöŕđ {id} šàṽéđ àñđ çöɱþļéţé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Safeguarding record {id} saved ({status})</source>
            <translation>⟦Šàƒéĝûàŕđîñĝ ŕéçöŕđ {id} šàṽéđ ({status}) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>To complete it, the record still needs: {missing}</source>
            <translation>⟦Ţö çöɱþļéţé îţ, ţĥé ŕéçöŕđ šţîļļ ñééđš: {missing} ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>No identity details are kept for {id} ({person})</source>
            <translation>⟦Ñö îđéñţîţý đéţàîļš àŕé ķéþţ ƒöŕ {id} ({person}) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{section} ({spent:.0f} of {planned} min)</source>
            <translation>⟦{section} ({spent:.0f} öƒ {planned} ɱîñ) ŵîðé⟧</translation>
        </message>
        <message>
            <source>{path}: '{name}' must be {kind}; nothing was saved</source>
            <translation>⟦{path}: '{name}' ɱûšţ ƀé {kind}; ñöţĥîñĝ ŵàš šàṽéđ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{path}: the address file is empty</source>
            <translation>⟦{path}: ţĥé àđđŕéšš ƒîļé îš éɱþţý ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Visit address</source>
            <translation>⟦Ṽîšîţ àđđŕéšš ŵîðé⟧</translation>
        </message>
        <message>
            <source>{path}: identity details are text ({fields}); nothing was saved</source>
            <translation>⟦{path}: îđéñţîţý đéţàîļš àŕé ţéẋţ ({fields}); ñöţĥîñĝ ŵàš šàṽéđ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>closed ({outcome})</source>
            <translation>⟦çļöšéđ ({outcome}) ŵîðé⟧</translation>
        </message>
        <message>
            <source>  whom it concerns is not said (fieldwork distress participant {id} --participant ID, or --whole-session)</source>
            <translation>⟦  ŵĥöɱ îţ çöñçéŕñš îš ñöţ šàîđ (ƒîéļđŵöŕķ đîšţŕéšš þàŕţîçîþàñţ {id} --þàŕţîçîþàñţ ÎĐ, öŕ --ŵĥöļé-šéššîöñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>study key</source>
            <translation>⟦šţûđý ķéý ŵîðé⟧</translation>
        </message>
        <message>
            <source>signing key</source>
            <translation>⟦šîĝñîñĝ ķéý ŵîðé⟧</translation>
        </message>
        <message>
            <source>trusted</source>
            <translation>⟦ţŕûšţéđ ŵîð⟧</translation>
        </message>
        <message>
            <source>revoked device {fingerprint} ({name}): made on or after {date}, and every bundle numbered after {seq} will be rejected</source>
            <translation>⟦ŕéṽöķéđ đéṽîçé {fingerprint} ({name}): ɱàđé öñ öŕ àƒţéŕ {date}, àñđ éṽéŕý ƀûñđļé ñûɱƀéŕéđ àƒţéŕ {seq} ŵîļļ ƀé ŕéĵéçţéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>  (or look first with --accept-any-device: everything is then marked unverified)</source>
            <translation>⟦  (öŕ ļööķ ƒîŕšţ ŵîţĥ --àççéþţ-àñý-đéṽîçé: éṽéŕýţĥîñĝ îš ţĥéñ ɱàŕķéđ ûñṽéŕîƒîéđ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>study-wide keys (data manager)</source>
            <translation>⟦šţûđý-ŵîđé ķéýš (đàţà ɱàñàĝéŕ) ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>make the study key pair (study.pub for laptops, study.key kept safe) and the data manager's signing pair (signs study packs and the trusted-laptops list); never overwrites a key</source>
            <translation>⟦ɱàķé ţĥé šţûđý ķéý þàîŕ (šţûđý.þûƀ ƒöŕ ļàþţöþš, šţûđý.ķéý ķéþţ šàƒé) àñđ ţĥé đàţà ɱàñàĝéŕ'š šîĝñîñĝ þàîŕ (šîĝñš šţûđý þàçķš àñđ ţĥé ţŕûšţéđ-ļàþţöþš ļîšţ); ñéṽéŕ öṽéŕŵŕîţéš à ķéý ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>folder for study.pub and study.key, and the signing pair dm-signing.pub and dm-signing.key</source>
            <translation>⟦ƒöļđéŕ ƒöŕ šţûđý.þûƀ àñđ šţûđý.ķéý, àñđ ţĥé šîĝñîñĝ þàîŕ đɱ-šîĝñîñĝ.þûƀ àñđ đɱ-šîĝñîñĝ.ķéý ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>sign a study pack for laptops (writes pack.sig beside pack.yaml)</source>
            <translation>⟦šîĝñ à šţûđý þàçķ ƒöŕ ļàþţöþš (ŵŕîţéš þàçķ.šîĝ ƀéšîđé þàçķ.ýàɱļ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the pack folder (or its pack.yaml)</source>
            <translation>⟦ţĥé þàçķ ƒöļđéŕ (öŕ îţš þàçķ.ýàɱļ) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the data manager's signing key (dm-signing.key)</source>
            <translation>⟦ţĥé đàţà ɱàñàĝéŕ'š šîĝñîñĝ ķéý (đɱ-šîĝñîñĝ.ķéý) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the trusted-laptops list verify and unpack work against</source>
            <translation>⟦ţĥé ţŕûšţéđ-ļàþţöþš ļîšţ ṽéŕîƒý àñđ ûñþàçķ ŵöŕķ àĝàîñšţ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>trust a laptop (its fingerprint, as 'fieldwork device' prints it)</source>
            <translation>⟦ţŕûšţ à ļàþţöþ (îţš ƒîñĝéŕþŕîñţ, àš 'ƒîéļđŵöŕķ đéṽîçé' þŕîñţš îţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>what to call it, e.g. "laptop 3"</source>
            <translation>⟦ŵĥàţ ţö çàļļ îţ, é.ĝ. "ļàþţöþ 3" ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the trusted laptops, with revocations</source>
            <translation>⟦ţĥé ţŕûšţéđ ļàþţöþš, ŵîţĥ ŕéṽöçàţîöñš ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>stop trusting a laptop's bundles (lost or stolen laptop)</source>
            <translation>⟦šţöþ ţŕûšţîñĝ à ļàþţöþ'š ƀûñđļéš (ļöšţ öŕ šţöļéñ ļàþţöþ) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>reject its bundles made on or after this date (YYYY-MM-DD); default: all of them</source>
            <translation>⟦ŕéĵéçţ îţš ƀûñđļéš ɱàđé öñ öŕ àƒţéŕ ţĥîš đàţé (ÝÝÝÝ-ṀṀ-ĐĐ); đéƒàûļţ: àļļ öƒ ţĥéɱ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>also reject every bundle it numbered after N (a date is what a bundle claims; its number cannot be back-dated): the newest genuine number 'store verify' showed</source>
            <translation>⟦àļšö ŕéĵéçţ éṽéŕý ƀûñđļé îţ ñûɱƀéŕéđ àƒţéŕ Ñ (à đàţé îš ŵĥàţ à ƀûñđļé çļàîɱš; îţš ñûɱƀéŕ çàññöţ ƀé ƀàçķ-đàţéđ): ţĥé ñéŵéšţ ĝéñûîñé ñûɱƀéŕ 'šţöŕé ṽéŕîƒý' šĥöŵéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the study's private key file (study.key); the list and dm-signing.key sit beside it</source>
            <translation>⟦ţĥé šţûđý'š þŕîṽàţé ķéý ƒîļé (šţûđý.ķéý); ţĥé ļîšţ àñđ đɱ-šîĝñîñĝ.ķéý šîţ ƀéšîđé îţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the trusted-devices list (default: beside --key)</source>
            <translation>⟦ţĥé ţŕûšţéđ-đéṽîçéš ļîšţ (đéƒàûļţ: ƀéšîđé --ķéý) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>the data manager's signing key that signs the list (default: dm-signing.key beside --key); give it when --key is an identity key kept in another folder</source>
            <translation>⟦ţĥé đàţà ɱàñàĝéŕ'š šîĝñîñĝ ķéý ţĥàţ šîĝñš ţĥé ļîšţ (đéƒàûļţ: đɱ-šîĝñîñĝ.ķéý ƀéšîđé --ķéý); ĝîṽé îţ ŵĥéñ --ķéý îš àñ îđéñţîţý ķéý ķéþţ îñ àñöţĥéŕ ƒöļđéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>store URL (file://, sftp://user@host:port/path, webdav://, https://, s3://bucket/prefix), or the name of a store saved with 'fieldwork store add' on this machine (its saved settings, secrets and pinned host key are used; the vault's passphrase is asked for)</source>
            <translation>⟦šţöŕé ÛŔĻ (ƒîļé://, šƒţþ://ûšéŕ@ĥöšţ:þöŕţ/þàţĥ, ŵéƀđàṽ://, ĥţţþš://, š3://ƀûçķéţ/þŕéƒîẋ), öŕ ţĥé ñàɱé öƒ à šţöŕé šàṽéđ ŵîţĥ 'ƒîéļđŵöŕķ šţöŕé àđđ' öñ ţĥîš ɱàçĥîñé (îţš šàṽéđ šéţţîñĝš, šéçŕéţš àñđ þîññéđ ĥöšţ ķéý àŕé ûšéđ; ţĥé ṽàûļţ'š þàššþĥŕàšé îš àšķéđ ƒöŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the study's private key file (study.key)</source>
            <translation>⟦ţĥé šţûđý'š þŕîṽàţé ķéý ƒîļé (šţûđý.ķéý) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the signed trusted-devices list (default: trusted-devices.json beside --key)</source>
            <translation>⟦ţĥé šîĝñéđ ţŕûšţéđ-đéṽîçéš ļîšţ (đéƒàûļţ: ţŕûšţéđ-đéṽîçéš.ĵšöñ ƀéšîđé --ķéý) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>a first look: accept bundles signed by any key, list every signer, and mark all that is unpacked as unverified</source>
            <translation>⟦à ƒîŕšţ ļööķ: àççéþţ ƀûñđļéš šîĝñéđ ƀý àñý ķéý, ļîšţ éṽéŕý šîĝñéŕ, àñđ ɱàŕķ àļļ ţĥàţ îš ûñþàçķéđ àš ûñṽéŕîƒîéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>S3 endpoint URL (for s3:// stores)</source>
            <translation>⟦Š3 éñđþöîñţ ÛŔĻ (ƒöŕ š3:// šţöŕéš) ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>WebDAV user name, or S3 access key id</source>
            <translation>⟦ŴéƀĐÀṼ ûšéŕ ñàɱé, öŕ Š3 àççéšš ķéý îđ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>SSH private key file (for sftp:// stores)</source>
            <translation>⟦ŠŠĤ þŕîṽàţé ķéý ƒîļé (ƒöŕ šƒţþ:// šţöŕéš) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>PEM file of a private certificate authority (https stores)</source>
            <translation>⟦ÞÉṀ ƒîļé öƒ à þŕîṽàţé çéŕţîƒîçàţé àûţĥöŕîţý (ĥţţþš šţöŕéš) ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>environment variable holding the password / secret key</source>
            <translation>⟦éñṽîŕöñɱéñţ ṽàŕîàƀļé ĥöļđîñĝ ţĥé þàššŵöŕđ / šéçŕéţ ķéý ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>check every bundle on a study store (data manager)</source>
            <translation>⟦çĥéçķ éṽéŕý ƀûñđļé öñ à šţûđý šţöŕé (đàţà ɱàñàĝéŕ) ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>decrypt a study store into an analysis folder (data manager)</source>
            <translation>⟦đéçŕýþţ à šţûđý šţöŕé îñţö àñ àñàļýšîš ƒöļđéŕ (đàţà ɱàñàĝéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>analysis folder to write (research store): empty, or made by this command before</source>
            <translation>⟦àñàļýšîš ƒöļđéŕ ţö ŵŕîţé (ŕéšéàŕçĥ šţöŕé): éɱþţý, öŕ ɱàđé ƀý ţĥîš çöɱɱàñđ ƀéƒöŕé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>identity folder to write: only for the study's identity store, never the analysis folder</source>
            <translation>⟦îđéñţîţý ƒöļđéŕ ţö ŵŕîţé: öñļý ƒöŕ ţĥé šţûđý'š îđéñţîţý šţöŕé, ñéṽéŕ ţĥé àñàļýšîš ƒöļđéŕ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>revoked device {fingerprint} ({name}): made on or after {date} will be rejected</source>
            <translation>⟦ŕéṽöķéđ đéṽîçé {fingerprint} ({name}): ɱàđé öñ öŕ àƒţéŕ {date} ŵîļļ ƀé ŕéĵéçţéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>  no signed bundle was found on the store</source>
            <translation>⟦  ñö šîĝñéđ ƀûñđļé ŵàš ƒöûñđ öñ ţĥé šţöŕé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>SSH key passphrase</source>
            <translation>⟦ŠŠĤ ķéý þàššþĥŕàšé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>SFTP password</source>
            <translation>⟦ŠƑŢÞ þàššŵöŕđ ŵîðé⟧</translation>
        </message>
        <message>
            <source>WebDAV password</source>
            <translation>⟦ŴéƀĐÀṼ þàššŵöŕđ ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>S3 secret key</source>
            <translation>⟦Š3 šéçŕéţ ķéý ŵîðé⟧</translation>
        </message>
        <message>
            <source>signing key fingerprint (laptops pin it at the first signed pack): {fingerprint}</source>
            <translation>⟦šîĝñîñĝ ķéý ƒîñĝéŕþŕîñţ (ļàþţöþš þîñ îţ àţ ţĥé ƒîŕšţ šîĝñéđ þàçķ): {fingerprint} ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>wrote {spub}</source>
            <translation>⟦ŵŕöţé {spub} ŵî⟧</translation>
        </message>
        <message>
            <source>wrote {skey}  &lt;- signs study packs (fieldwork study sign-pack) and your list of trusted laptops (fieldwork study devices); keep it with study.key</source>
            <translation>⟦ŵŕöţé {skey}  &lt;- šîĝñš šţûđý þàçķš (ƒîéļđŵöŕķ šţûđý šîĝñ-þàçķ) àñđ ýöûŕ ļîšţ öƒ ţŕûšţéđ ļàþţöþš (ƒîéļđŵöŕķ šţûđý đéṽîçéš); ķééþ îţ ŵîţĥ šţûđý.ķéý ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>next: sign the study pack with 'fieldwork study sign-pack PACK --key {skey}', and trust each laptop with 'fieldwork study devices add FINGERPRINT --name NAME --key {out}' (the laptop shows its fingerprint with 'fieldwork device')</source>
            <translation>⟦ñéẋţ: šîĝñ ţĥé šţûđý þàçķ ŵîţĥ 'ƒîéļđŵöŕķ šţûđý šîĝñ-þàçķ ÞÀÇĶ --ķéý {skey}', àñđ ţŕûšţ éàçĥ ļàþţöþ ŵîţĥ 'ƒîéļđŵöŕķ šţûđý đéṽîçéš àđđ ƑÎÑĜÉŔÞŔÎÑŢ --ñàɱé ÑÀṀÉ --ķéý {out}' (ţĥé ļàþţöþ šĥöŵš îţš ƒîñĝéŕþŕîñţ ŵîţĥ 'ƒîéļđŵöŕķ đéṽîçé') ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>signed pack {pack_id} {version} ({files} files) with key {signer}</source>
            <translation>⟦šîĝñéđ þàçķ {pack_id} {version} ({files} ƒîļéš) ŵîţĥ ķéý {signer} ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>wrote {path}; send it with the pack (a laptop refuses the pack if any file changes)</source>
            <translation>⟦ŵŕöţé {path}; šéñđ îţ ŵîţĥ ţĥé þàçķ (à ļàþţöþ ŕéƒûšéš ţĥé þàçķ îƒ àñý ƒîļé çĥàñĝéš) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>trusted device {fp} ({name}); list {list_path} now has {count} device(s)</source>
            <translation>⟦ţŕûšţéđ đéṽîçé {fp} ({name}); ļîšţ {list_path} ñöŵ ĥàš {count} đéṽîçé(š) ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>revoked device {fingerprint} ({name}): all its bundles, and every bundle numbered after {seq} will be rejected</source>
            <translation>⟦ŕéṽöķéđ đéṽîçé {fingerprint} ({name}): àļļ îţš ƀûñđļéš, àñđ éṽéŕý ƀûñđļé ñûɱƀéŕéđ àƒţéŕ {seq} ŵîļļ ƀé ŕéĵéçţéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>revoked device {fingerprint} ({name}): all its bundles will be rejected</source>
            <translation>⟦ŕéṽöķéđ đéṽîçé {fingerprint} ({name}): àļļ îţš ƀûñđļéš ŵîļļ ƀé ŕéĵéçţéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>fieldwork: no trusted-devices list at {path}: nothing was checked or unpacked. Anyone who can write to the store can sign a bundle, so bundles are read only from laptops you trust.</source>
            <translation>⟦ƒîéļđŵöŕķ: ñö ţŕûšţéđ-đéṽîçéš ļîšţ àţ {path}: ñöţĥîñĝ ŵàš çĥéçķéđ öŕ ûñþàçķéđ. Àñýöñé ŵĥö çàñ ŵŕîţé ţö ţĥé šţöŕé çàñ šîĝñ à ƀûñđļé, šö ƀûñđļéš àŕé ŕéàđ öñļý ƒŕöɱ ļàþţöþš ýöû ţŕûšţ. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>no {label} given: use --secret-env VAR, or run in a terminal</source>
            <translation>⟦ñö {label} ĝîṽéñ: ûšé --šéçŕéţ-éñṽ ṼÀŔ, öŕ ŕûñ îñ à ţéŕɱîñàļ ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{out} already exists, and so does {out2}; nothing was written (an existing key is never overwritten: make new keys in a new folder)</source>
            <translation>⟦{out} àļŕéàđý éẋîšţš, àñđ šö đöéš {out2}; ñöţĥîñĝ ŵàš ŵŕîţţéñ (àñ éẋîšţîñĝ ķéý îš ñéṽéŕ öṽéŕŵŕîţţéñ: ɱàķé ñéŵ ķéýš îñ à ñéŵ ƒöļđéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>public key (give to laptops): {recipient}</source>
            <translation>⟦þûƀļîç ķéý (ĝîṽé ţö ļàþţöþš): {recipient} ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>  fingerprint: {fingerprint}</source>
            <translation>⟦  ƒîñĝéŕþŕîñţ: {fingerprint} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>wrote {pub}</source>
            <translation>⟦ŵŕöţé {pub} ŵî⟧</translation>
        </message>
        <message>
            <source>wrote {key}  &lt;- keep this safe and off field laptops; without it nothing can be read</source>
            <translation>⟦ŵŕöţé {key}  &lt;- ķééþ ţĥîš šàƒé àñđ öƒƒ ƒîéļđ ļàþţöþš; ŵîţĥöûţ îţ ñöţĥîñĝ çàñ ƀé ŕéàđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{out} exists and is kept; adding the signing key pair only</source>
            <translation>⟦{out} éẋîšţš àñđ îš ķéþţ; àđđîñĝ ţĥé šîĝñîñĝ ķéý þàîŕ öñļý ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>made the data manager signing key {signing_path} and {made} (it signs the trusted list and study packs; keep it with study.key)</source>
            <translation>⟦ɱàđé ţĥé đàţà ɱàñàĝéŕ šîĝñîñĝ ķéý {signing_path} àñđ {made} (îţ šîĝñš ţĥé ţŕûšţéđ ļîšţ àñđ šţûđý þàçķš; ķééþ îţ ŵîţĥ šţûđý.ķéý) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>no trusted-devices list at {path}: add a laptop with 'fieldwork study devices add FINGERPRINT --name NAME --key STUDY_KEY'</source>
            <translation>⟦ñö ţŕûšţéđ-đéṽîçéš ļîšţ àţ {path}: àđđ à ļàþţöþ ŵîţĥ 'ƒîéļđŵöŕķ šţûđý đéṽîçéš àđđ ƑÎÑĜÉŔÞŔÎÑŢ --ñàɱé ÑÀṀÉ --ķéý ŠŢÛĐÝ_ĶÉÝ' ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{fingerprint}	{name}	added {added_at}	{state}</source>
            <translation>⟦{fingerprint}	{name}	àđđéđ {added_at}	{state} ŵîðé⟧</translation>
        </message>
        <message>
            <source>  signer {fp}: {n} bundle(s). If 'fieldwork device' on one of the study's laptops shows this fingerprint, trust it with: fieldwork study devices add {fp} --name NAME --key {key}{signing_key}</source>
            <translation>⟦  šîĝñéŕ {fp}: {n} ƀûñđļé(š). Îƒ 'ƒîéļđŵöŕķ đéṽîçé' öñ öñé öƒ ţĥé šţûđý'š ļàþţöþš šĥöŵš ţĥîš ƒîñĝéŕþŕîñţ, ţŕûšţ îţ ŵîţĥ: ƒîéļđŵöŕķ šţûđý đéṽîçéš àđđ {fp} --ñàɱé ÑÀṀÉ --ķéý {key}{signing_key} ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>environment variable {secret_env} is not set</source>
            <translation>⟦éñṽîŕöñɱéñţ ṽàŕîàƀļé {secret_env} îš ñöţ šéţ ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{options}: a saved store is opened with the settings saved for it; give its URL instead to set them here</source>
            <translation>⟦{options}: à šàṽéđ šţöŕé îš öþéñéđ ŵîţĥ ţĥé šéţţîñĝš šàṽéđ ƒöŕ îţ; ĝîṽé îţš ÛŔĻ îñšţéàđ ţö šéţ ţĥéɱ ĥéŕé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>fieldwork: trusting the SFTP server's host key {taken}, as asked (--accept-new-host-key); check it with the store's administrators</source>
            <translation>⟦ƒîéļđŵöŕķ: ţŕûšţîñĝ ţĥé ŠƑŢÞ šéŕṽéŕ'š ĥöšţ ķéý {taken}, àš àšķéđ (--àççéþţ-ñéŵ-ĥöšţ-ķéý); çĥéçķ îţ ŵîţĥ ţĥé šţöŕé'š àđɱîñîšţŕàţöŕš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{out} exists but {out2} does not: the {what} pair is incomplete; nothing was written (make new keys in a new folder)</source>
            <translation>⟦{out} éẋîšţš ƀûţ {out2} đöéš ñöţ: ţĥé {what} þàîŕ îš îñçöɱþļéţé; ñöţĥîñĝ ŵàš ŵŕîţţéñ (ɱàķé ñéŵ ķéýš îñ à ñéŵ ƒöļđéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{count} problem(s) found; the pack was not signed</source>
            <translation>⟦{count} þŕöƀļéɱ(š) ƒöûñđ; ţĥé þàçķ ŵàš ñöţ šîĝñéđ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>REVOKED from {date}, and after bundle {seq}</source>
            <translation>⟦ŔÉṼÖĶÉĐ ƒŕöɱ {date}, àñđ àƒţéŕ ƀûñđļé {seq} ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>REVOKED for all bundles, and after bundle {seq}</source>
            <translation>⟦ŔÉṼÖĶÉĐ ƒöŕ àļļ ƀûñđļéš, àñđ àƒţéŕ ƀûñđļé {seq} ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>REVOKED from {date}</source>
            <translation>⟦ŔÉṼÖĶÉĐ ƒŕöɱ {date} ŵîðé⟧</translation>
        </message>
        <message>
            <source>REVOKED for all bundles</source>
            <translation>⟦ŔÉṼÖĶÉĐ ƒöŕ àļļ ƀûñđļéš ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>add a study store (file://, sftp://, webdav:// or https://, s3://)</source>
            <translation>⟦àđđ à šţûđý šţöŕé (ƒîļé://, šƒţþ://, ŵéƀđàṽ:// öŕ ĥţţþš://, š3://) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>login (SFTP, WebDAV) or access key id (S3)</source>
            <translation>⟦ļöĝîñ (ŠƑŢÞ, ŴéƀĐÀṼ) öŕ àççéšš ķéý îđ (Š3) ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>SSH private key file (its text is kept in the vault)</source>
            <translation>⟦ŠŠĤ þŕîṽàţé ķéý ƒîļé (îţš ţéẋţ îš ķéþţ îñ ţĥé ṽàûļţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>S3 endpoint URL, e.g. https://s3.example.ac.uk</source>
            <translation>⟦Š3 éñđþöîñţ ÛŔĻ, é.ĝ. ĥţţþš://š3.éẋàɱþļé.àç.ûķ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>PEM file of the certificate authority a https store's certificate is checked against (a university's own CA); kept by path</source>
            <translation>⟦ÞÉṀ ƒîļé öƒ ţĥé çéŕţîƒîçàţé àûţĥöŕîţý à ĥţţþš šţöŕé'š çéŕţîƒîçàţé îš çĥéçķéđ àĝàîñšţ (à ûñîṽéŕšîţý'š öŵñ ÇÀ); ķéþţ ƀý þàţĥ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>read the password / key passphrase / S3 secret key from this environment variable, which is then removed (else a prompt; none for a folder store)</source>
            <translation>⟦ŕéàđ ţĥé þàššŵöŕđ / ķéý þàššþĥŕàšé / Š3 šéçŕéţ ķéý ƒŕöɱ ţĥîš éñṽîŕöñɱéñţ ṽàŕîàƀļé, ŵĥîçĥ îš ţĥéñ ŕéɱöṽéđ (éļšé à þŕöɱþţ; ñöñé ƒöŕ à ƒöļđéŕ šţöŕé) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>the store needs no password or secret</source>
            <translation>⟦ţĥé šţöŕé ñééđš ñö þàššŵöŕđ öŕ šéçŕéţ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>make it the default store</source>
            <translation>⟦ɱàķé îţ ţĥé đéƒàûļţ šţöŕé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>stores set up on this laptop (secrets are never shown)</source>
            <translation>⟦šţöŕéš šéţ ûþ öñ ţĥîš ļàþţöþ (šéçŕéţš àŕé ñéṽéŕ šĥöŵñ) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>forget a store</source>
            <translation>⟦ƒöŕĝéţ à šţöŕé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>the SFTP server's host key fingerprint, from the store's administrators</source>
            <translation>⟦ţĥé ŠƑŢÞ šéŕṽéŕ'š ĥöšţ ķéý ƒîñĝéŕþŕîñţ, ƒŕöɱ ţĥé šţöŕé'š àđɱîñîšţŕàţöŕš ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>SSH known_hosts file that lists the server's key</source>
            <translation>⟦ŠŠĤ ķñöŵñ_ĥöšţš ƒîļé ţĥàţ ļîšţš ţĥé šéŕṽéŕ'š ķéý ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>trust the SFTP server's key as it is now (its fingerprint is printed); only when there is no other way to check it</source>
            <translation>⟦ţŕûšţ ţĥé ŠƑŢÞ šéŕṽéŕ'š ķéý àš îţ îš ñöŵ (îţš ƒîñĝéŕþŕîñţ îš þŕîñţéđ); öñļý ŵĥéñ ţĥéŕé îš ñö öţĥéŕ ŵàý ţö çĥéçķ îţ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>send every waiting session to the study store, verified</source>
            <translation>⟦šéñđ éṽéŕý ŵàîţîñĝ šéššîöñ ţö ţĥé šţûđý šţöŕé, ṽéŕîƒîéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>store name (default: the default store)</source>
            <translation>⟦šţöŕé ñàɱé (đéƒàûļţ: ţĥé đéƒàûļţ šţöŕé) ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>queue this session first (completed sessions are queued by close-out)</source>
            <translation>⟦ǫûéûé ţĥîš šéššîöñ ƒîŕšţ (çöɱþļéţéđ šéššîöñš àŕé ǫûéûéđ ƀý çļöšé-öûţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>what waits on this laptop to be sent</source>
            <translation>⟦ŵĥàţ ŵàîţš öñ ţĥîš ļàþţöþ ţö ƀé šéñţ ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>this laptop vault's signing key fingerprint and last bundle numbers (for the data manager)</source>
            <translation>⟦ţĥîš ļàþţöþ ṽàûļţ'š šîĝñîñĝ ķéý ƒîñĝéŕþŕîñţ àñđ ļàšţ ƀûñđļé ñûɱƀéŕš (ƒöŕ ţĥé đàţà ɱàñàĝéŕ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>password</source>
            <translation>⟦þàššŵöŕđ ŵîð⟧</translation>
        </message>
        <message>
            <source>No stores yet: fieldwork store add NAME URL</source>
            <translation>⟦Ñö šţöŕéš ýéţ: ƒîéļđŵöŕķ šţöŕé àđđ ÑÀṀÉ ÛŔĻ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>--host-key, --known-hosts and --accept-new-host-key are for sftp:// stores only</source>
            <translation>⟦--ĥöšţ-ķéý, --ķñöŵñ-ĥöšţš àñđ --àççéþţ-ñéŵ-ĥöšţ-ķéý àŕé ƒöŕ šƒţþ:// šţöŕéš öñļý ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>--ca-bundle is for https stores (WebDAV over https, S3)</source>
            <translation>⟦--çà-ƀûñđļé îš ƒöŕ ĥţţþš šţöŕéš (ŴéƀĐÀṼ öṽéŕ ĥţţþš, Š3) ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>(default)</source>
            <translation>⟦(đéƒàûļţ) ŵîðé⟧</translation>
        </message>
        <message>
            <source>Removed store {name}</source>
            <translation>⟦Ŕéɱöṽéđ šţöŕé {name} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>Nothing to send.</source>
            <translation>⟦Ñöţĥîñĝ ţö šéñđ. ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>last research bundle number: {research}</source>
            <translation>⟦ļàšţ ŕéšéàŕçĥ ƀûñđļé ñûɱƀéŕ: {research} ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{error}; then give it with --host-key {fingerprint} (or --known-hosts FILE, or --accept-new-host-key once you have checked it)</source>
            <translation>⟦{error}; ţĥéñ ĝîṽé îţ ŵîţĥ --ĥöšţ-ķéý {fingerprint} (öŕ --ķñöŵñ-ĥöšţš ƑÎĻÉ, öŕ --àççéþţ-ñéŵ-ĥöšţ-ķéý öñçé ýöû ĥàṽé çĥéçķéđ îţ) ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{label} (leave empty for none): </source>
            <translation>⟦{label} (ļéàṽé éɱþţý ƒöŕ ñöñé):  ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>Added store {name} ({url}) as the default</source>
            <translation>⟦Àđđéđ šţöŕé {name} ({url}) àš ţĥé đéƒàûļţ ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>Added store {name} ({url})</source>
            <translation>⟦Àđđéđ šţöŕé {name} ({url}) ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>no audio here</source>
            <translation>⟦ñö àûđîö ĥéŕé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{bundle_id}	{what}	{state}	waiting {waiting_days} days{here}{err}</source>
            <translation>⟦{bundle_id}	{what}	{state}	ŵàîţîñĝ {waiting_days} đàýš{here}{err} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>last identity bundle number: {identity}</source>
            <translation>⟦ļàšţ îđéñţîţý ƀûñđļé ñûɱƀéŕ: {identity} ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>The server's host key is {fingerprint}: trusted as asked (--accept-new-host-key) and pinned for this store. Check it with the store's administrators.</source>
            <translation>⟦Ţĥé šéŕṽéŕ'š ĥöšţ ķéý îš {fingerprint}: ţŕûšţéđ àš àšķéđ (--àççéþţ-ñéŵ-ĥöšţ-ķéý) àñđ þîññéđ ƒöŕ ţĥîš šţöŕé. Çĥéçķ îţ ŵîţĥ ţĥé šţöŕé'š àđɱîñîšţŕàţöŕš. ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>host key {fingerprint}</source>
            <translation>⟦ĥöšţ ķéý {fingerprint} ŵîðé⟧</translation>
        </message>
        <message>
            <source>{bundle}: sent to store {store} and verified there</source>
            <translation>⟦{bundle}: šéñţ ţö šţöŕé {store} àñđ ṽéŕîƒîéđ ţĥéŕé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>purged from this laptop after the verified receipt: {rid}</source>
            <translation>⟦þûŕĝéđ ƒŕöɱ ţĥîš ļàþţöþ àƒţéŕ ţĥé ṽéŕîƒîéđ ŕéçéîþţ: {rid} ŵîðé ŵîðé ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>fieldwork: {bundle} not sent to store {store}: {error}</source>
            <translation>⟦ƒîéļđŵöŕķ: {bundle} ñöţ šéñţ ţö šţöŕé {store}: {error} ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{identity}: cannot read the SSH key ({strerror})</source>
            <translation>⟦{identity}: çàññöţ ŕéàđ ţĥé ŠŠĤ ķéý ({strerror}) ŵîðé ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>The server's host key {fingerprint} is checked and pinned for this store</source>
            <translation>⟦Ţĥé šéŕṽéŕ'š ĥöšţ ķéý {fingerprint} îš çĥéçķéđ àñđ þîññéđ ƒöŕ ţĥîš šţöŕé ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>audio here: {takes} take(s), {minutes:.1f} min</source>
            <translation>⟦àûđîö ĥéŕé: {takes} ţàķé(š), {minutes:.1f} ɱîñ ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>⟦à ñûɱƀéŕ ŵîð⟧</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>⟦à ļîšţ ŵî⟧</translation>
        </message>
        <message>
            <source>a string</source>
            <translation>⟦à šţŕîñĝ ŵîð⟧</translation>
        </message>
        <message>
            <source>{source}, line {line}, column {column}</source>
            <translation>⟦{source}, ļîñé {line}, çöļûɱñ {column} ŵîðé ŵ⟧</translation>
        </message>
        <message>
            <source>{option} (standard input)</source>
            <translation>⟦{option} (šţàñđàŕđ îñþûţ) ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{source}: the {what} is larger than {kib} KiB; nothing was read or changed</source>
            <translation>⟦{source}: ţĥé {what} îš ļàŕĝéŕ ţĥàñ {kib} ĶîƁ; ñöţĥîñĝ ŵàš ŕéàđ öŕ çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{at}: the {what} nests more than {depth} levels deep; nothing was changed</source>
            <translation>⟦{at}: ţĥé {what} ñéšţš ɱöŕé ţĥàñ {depth} ļéṽéļš đééþ; ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{source}: the {what} must be a JSON object ({{...}}), not {kind}; nothing was changed</source>
            <translation>⟦{source}: ţĥé {what} ɱûšţ ƀé à ĴŠÖÑ öƀĵéçţ ({{...}}), ñöţ {kind}; ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>only one of {options} can read standard input (-); nothing was changed</source>
            <translation>⟦öñļý öñé öƒ {options} çàñ ŕéàđ šţàñđàŕđ îñþûţ (-); ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source}: cannot read the {what} ({strerror}); nothing was changed</source>
            <translation>⟦{source}: çàññöţ ŕéàđ ţĥé {what} ({strerror}); ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{at}: the {what} is not UTF-8 text; nothing was changed</source>
            <translation>⟦{at}: ţĥé {what} îš ñöţ ÛŢƑ-8 ţéẋţ; ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{source}: the {what} gives the key {key} more than once in one object; nothing was changed</source>
            <translation>⟦{source}: ţĥé {what} ĝîṽéš ţĥé ķéý {key} ɱöŕé ţĥàñ öñçé îñ öñé öƀĵéçţ; ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé ŵîð⟧</translation>
        </message>
        <message>
            <source>{at}: the {what} is not valid JSON ({error}); nothing was changed</source>
            <translation>⟦{at}: ţĥé {what} îš ñöţ ṽàļîđ ĴŠÖÑ ({error}); ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{source}: the {what} nests too deep; nothing was changed</source>
            <translation>⟦{source}: ţĥé {what} ñéšţš ţöö đééþ; ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵî⟧</translation>
        </message>
        <message>
            <source>{source}: the {what} holds a number too long to read; nothing was changed</source>
            <translation>⟦{source}: ţĥé {what} ĥöļđš à ñûɱƀéŕ ţöö ļöñĝ ţö ŕéàđ; ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
        <message>
            <source>{at}: the {what} holds {constant}, which is not a JSON number; nothing was changed</source>
            <translation>⟦{at}: ţĥé {what} ĥöļđš {constant}, ŵĥîçĥ îš ñöţ à ĴŠÖÑ ñûɱƀéŕ; ñöţĥîñĝ ŵàš çĥàñĝéđ ŵîðé ŵîðé ŵîðé ŵîðé ŵîðé⟧</translation>
        </message>
    </context>
</TS>
