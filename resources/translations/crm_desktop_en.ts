<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachmentList</name>
    <message numerus="yes">
        <source>%n attachments</source>
        <translation>
            <numerusform>%n attachment</numerusform>
            <numerusform>%n attachments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDropDialog</name>
    <message numerus="yes">
        <source>Add %n customers</source>
        <translation>
            <numerusform>Add %n customer</numerusform>
            <numerusform>Add %n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message numerus="yes">
        <source>%Ln communications</source>
        <translation>
            <numerusform>%Ln communication</numerusform>
            <numerusform>%Ln communications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln media records</source>
        <translation>
            <numerusform>%Ln media record</numerusform>
            <numerusform>%Ln media records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierActions</name>
    <message numerus="yes">
        <source>%Ln communications</source>
        <translation>
            <numerusform>%Ln communication</numerusform>
            <numerusform>%Ln communications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pages</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln communications</source>
        <translation>
            <numerusform>%Ln communication</numerusform>
            <numerusform>%Ln communications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln media records</source>
        <translation>
            <numerusform>%Ln media record</numerusform>
            <numerusform>%Ln media records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — retrying in %n s</source>
        <translation>
            <numerusform>Offline — retrying in %n s</numerusform>
            <numerusform>Offline — retrying in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaDropDialog</name>
    <message numerus="yes">
        <source>Record %n files</source>
        <translation>
            <numerusform>Record %n file</numerusform>
            <numerusform>Record %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message numerus="yes">
        <source>Delete %Ln media records</source>
        <translation>
            <numerusform>Delete %Ln media record</numerusform>
            <numerusform>Delete %Ln media records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln media records</source>
        <translation>
            <numerusform>Deleted %Ln media record</numerusform>
            <numerusform>Deleted %Ln media records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageDropDialog</name>
    <message numerus="yes">
        <source>{name} (%Ln messages)</source>
        <translation>
            <numerusform>{name} (%Ln message)</numerusform>
            <numerusform>{name} (%Ln messages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save (%n)</source>
        <translation>
            <numerusform>Save (%n)</numerusform>
            <numerusform>Save (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log %n messages</source>
        <translation>
            <numerusform>Log %n message</numerusform>
            <numerusform>Log %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message numerus="yes">
        <source>Customers (%Ln)</source>
        <translation>
            <numerusform>Customers (%Ln)</numerusform>
            <numerusform>Customers (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Communications (%Ln)</source>
        <translation>
            <numerusform>Communications (%Ln)</numerusform>
            <numerusform>Communications (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Files (%Ln)</source>
        <translation>
            <numerusform>Files (%Ln)</numerusform>
            <numerusform>Files (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeWords</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message numerus="yes">
        <source>%n attachments.</source>
        <translation>
            <numerusform>%n attachment.</numerusform>
            <numerusform>%n attachments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message numerus="yes">
        <source>%Ln communications</source>
        <translation>
            <numerusform>%Ln communication</numerusform>
            <numerusform>%Ln communications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The filters hide %Ln communications.</source>
        <translation>
            <numerusform>The filters hide %Ln communication.</numerusform>
            <numerusform>The filters hide %Ln communications.</numerusform>
        </translation>
    </message>
</context>
</TS>
