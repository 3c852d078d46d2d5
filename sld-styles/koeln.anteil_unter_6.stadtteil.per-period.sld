<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>koeln.anteil_unter_6.stadtteil</Name>
    <UserStyle>
      <Name>per-period</Name>
      <Title>Anteil der Kinder unter 6 Jahren an der Bevölkerung – Stadtteil – Katalog-Klassen je Zeitraum berechnet</Title>
      <IsDefault>0</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>nicht-veroeffentlicht</Name>
          <Title>nicht veröffentlicht (–)</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>suppressed</ogc:Literal></ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bdbdbd</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>keine-angabe</Name>
          <Title>keine Angabe (x)</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsNull><ogc:PropertyName>value</ogc:PropertyName></ogc:PropertyIsNull>
              <ogc:PropertyIsNotEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>suppressed</ogc:Literal></ogc:PropertyIsNotEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#ffffff</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-1</Name>
          <Title>2005: 2,8 bis unter 4,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.551569506726457</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-2</Name>
          <Title>2005: 4,6 bis unter 5,1</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.551569506726457</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.1440599921063015</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-3</Name>
          <Title>2005: 5,1 bis unter 5,8</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.1440599921063015</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.75973669775096</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-4</Name>
          <Title>2005: 5,8 bis unter 6,4</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.75973669775096</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.43755652388391</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-5</Name>
          <Title>2005: 6,4 – 8,5</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.43755652388391</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-1</Name>
          <Title>2006: 2,9 bis unter 4,5</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.520020347358477</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-2</Name>
          <Title>2006: 4,5 bis unter 5,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.520020347358477</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.954691610640164</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-3</Name>
          <Title>2006: 5,0 bis unter 5,5</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.954691610640164</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.4519368723099</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-4</Name>
          <Title>2006: 5,5 bis unter 6,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.4519368723099</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.178707224334601</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-5</Name>
          <Title>2006: 6,2 – 8,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.178707224334601</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-1</Name>
          <Title>2007: 2,9 bis unter 4,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.663325343212029</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-2</Name>
          <Title>2007: 4,7 bis unter 5,1</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.663325343212029</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.091863517060368</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-3</Name>
          <Title>2007: 5,1 bis unter 5,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.091863517060368</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.5757135945815195</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-4</Name>
          <Title>2007: 5,6 bis unter 6,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.5757135945815195</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.304714480764598</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-5</Name>
          <Title>2007: 6,3 – 7,9</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.304714480764598</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-1</Name>
          <Title>2008: 2,9 bis unter 4,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.600323862799941</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-2</Name>
          <Title>2008: 4,6 bis unter 5,1</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.600323862799941</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.093966369930762</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-3</Name>
          <Title>2008: 5,1 bis unter 5,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.093966369930762</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.6344532963860985</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-4</Name>
          <Title>2008: 5,6 bis unter 6,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.6344532963860985</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.244681856859223</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-5</Name>
          <Title>2008: 6,2 – 8,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.244681856859223</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-1</Name>
          <Title>2009: 3,0 bis unter 4,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.71727585129647</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-2</Name>
          <Title>2009: 4,7 bis unter 5,1</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.71727585129647</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.10548116751758</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-3</Name>
          <Title>2009: 5,1 bis unter 5,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.10548116751758</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.617579301789828</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-4</Name>
          <Title>2009: 5,6 bis unter 6,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.617579301789828</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.295559973492379</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-5</Name>
          <Title>2009: 6,3 – 7,8</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.295559973492379</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-1</Name>
          <Title>2010: 3,0 bis unter 4,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.7320617620345145</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-2</Name>
          <Title>2010: 4,7 bis unter 5,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.7320617620345145</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.184243964421855</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-3</Name>
          <Title>2010: 5,2 bis unter 5,9</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.184243964421855</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.868205868205869</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-4</Name>
          <Title>2010: 5,9 bis unter 6,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.868205868205869</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.276437635760832</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-5</Name>
          <Title>2010: 6,3 – 8,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.276437635760832</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-1</Name>
          <Title>2011: 3,2 bis unter 4,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.704430119325195</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-2</Name>
          <Title>2011: 4,7 bis unter 5,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.704430119325195</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.241678357352378</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-3</Name>
          <Title>2011: 5,2 bis unter 5,9</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.241678357352378</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.9243149195302305</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-4</Name>
          <Title>2011: 5,9 bis unter 6,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.9243149195302305</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.242141189150351</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-5</Name>
          <Title>2011: 6,2 – 8,9</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.242141189150351</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-1</Name>
          <Title>2012: 3,1 bis unter 4,8</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.778514126264388</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-2</Name>
          <Title>2012: 4,8 bis unter 5,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.778514126264388</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.3055335784427795</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-3</Name>
          <Title>2012: 5,3 bis unter 5,9</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.3055335784427795</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.873698506111363</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-4</Name>
          <Title>2012: 5,9 bis unter 6,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.873698506111363</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.270035828776164</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-5</Name>
          <Title>2012: 6,3 – 9,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.270035828776164</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
